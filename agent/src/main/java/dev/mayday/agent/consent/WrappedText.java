package dev.mayday.agent.consent;

import java.awt.Dimension;
import java.awt.Font;
import javax.swing.BorderFactory;
import javax.swing.JTextArea;
import javax.swing.UIManager;

/**
 * Text that looks like a label and wraps at a given width. Unlike an HTML label it also breaks a
 * word longer than a line (a fully qualified method name in a title), and unlike a plain wrapping
 * text area it has the height of its wrapped lines before it is laid out, so {@code pack()} gets
 * it right.
 */
final class WrappedText {

    private WrappedText() {
    }

    static JTextArea create(String text, Font font, int width) {
        JTextArea area = new JTextArea(text);
        area.setFont(font);
        area.setLineWrap(true);
        area.setWrapStyleWord(true);
        area.setEditable(false);
        area.setFocusable(false);
        area.setOpaque(false);
        area.setBorder(BorderFactory.createEmptyBorder());
        if (UIManager.getColor("Label.foreground") != null) {
            area.setForeground(UIManager.getColor("Label.foreground"));
        }
        // Laid out at this width once, the text area knows how many lines it wraps into.
        area.setSize(width, Short.MAX_VALUE);
        area.setPreferredSize(new Dimension(width, area.getPreferredSize().height));
        return area;
    }
}
