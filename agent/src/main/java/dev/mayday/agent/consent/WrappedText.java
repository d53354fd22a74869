package dev.mayday.agent.consent;

import java.awt.Dimension;
import java.awt.Font;
import java.awt.Insets;
import javax.swing.BorderFactory;
import javax.swing.JTextArea;
import javax.swing.UIManager;
import javax.swing.text.View;

/**
 * Text that looks like a label and wraps at a given width. Unlike an HTML label it also breaks a
 * word longer than a line (a fully qualified method name in a title), and unlike a plain wrapping
 * text area it asks for the height its wrapped lines need, so that {@code pack()} gets it right.
 */
final class WrappedText extends JTextArea {

    private static final long serialVersionUID = 1L;

    private final int wrapWidth;

    WrappedText(String text, Font font, int wrapWidth) {
        super(text);
        this.wrapWidth = wrapWidth;
        setFont(font);
        setLineWrap(true);
        setWrapStyleWord(true);
        setEditable(false);
        setFocusable(false);
        setOpaque(false);
        setBorder(BorderFactory.createEmptyBorder());
        if (UIManager.getColor("Label.foreground") != null) {
            setForeground(UIManager.getColor("Label.foreground"));
        }
    }

    /** As wide as asked for (or as laid out, if wider), as high as the lines wrapped at that width. */
    @Override
    public Dimension getPreferredSize() {
        Insets insets = getInsets();
        int width = Math.max(wrapWidth, getWidth() - insets.left - insets.right);
        View root = getUI().getRootView(this);
        root.setSize(width, Integer.MAX_VALUE);
        int height = (int) Math.ceil(root.getPreferredSpan(View.Y_AXIS));
        return new Dimension(wrapWidth + insets.left + insets.right, height + insets.top + insets.bottom);
    }
}
