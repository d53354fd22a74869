package dev.mayday.agent.consent;

import java.awt.BorderLayout;
import java.awt.Cursor;
import java.awt.Dialog;
import java.awt.Font;
import java.awt.GraphicsConfiguration;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.GridLayout;
import java.awt.Insets;
import java.awt.KeyboardFocusManager;
import java.awt.Rectangle;
import java.awt.Toolkit;
import java.awt.Window;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.Icon;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.JToggleButton;
import javax.swing.KeyStroke;
import javax.swing.ScrollPaneConstants;
import javax.swing.UIManager;
import javax.swing.WindowConstants;

/**
 * The consent dialog itself: what happened, the report behind a "View report" toggle, a comment,
 * an e-mail, "Also send N earlier problem reports" when there are some, "Always send", and
 * "Don't send" / "Send". Uses whatever Look and Feel the application
 * set. Created, shown and closed on the event dispatch thread only; answers through a
 * {@link DialogOutcome}. Components carry names ({@code mayday.*}) so tests can find them.
 */
final class ConsentDialogWindow {

    /**
     * Width of the wrapped text in multiples of the font size (larger fonts, wider dialog); about
     * as wide as the 70 columns of the report, so that opening it does not widen the dialog.
     */
    private static final int TEXT_WIDTH_EMS = 44;
    private static final int GAP = 8;

    private final DialogOutcome outcome;
    private final JDialog dialog;
    private final JTextArea comment = new JTextArea(4, 0);
    private final JTextField email = new JTextField();
    private final JCheckBox always;
    /** "Also send 3 earlier problem reports" (on unless unticked), or null when there are none. */
    private final JCheckBox earlier;
    private final JToggleButton viewReport = new JToggleButton("View report");
    private final JScrollPane reportPane;

    ConsentDialogWindow(ConsentRequest request, DialogOutcome outcome) {
        this.outcome = outcome;
        String app = request.appName();
        // No owner: the dialog gets its own taskbar entry, and nothing of the application's is kept displayable.
        dialog = new JDialog((Window) null, app, Dialog.ModalityType.APPLICATION_MODAL);
        dialog.setName("mayday.dialog");
        dialog.setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);

        Font font = labelFont();
        always = new JCheckBox("Always send for " + app);
        always.setName("mayday.always");
        reportPane = reportPane(request.reportText(), font);

        JPanel content = new JPanel(new GridBagLayout());
        content.setBorder(BorderFactory.createEmptyBorder(16, 16, 12, 16));
        Icon icon = UIManager.getIcon("OptionPane.errorIcon");
        if (icon != null) {
            content.add(new JLabel(icon), at(0, 0).height(2).insets(0, 0, 0, 12).anchor(GridBagConstraints.NORTH));
        }
        int textWidth = Math.round(font.getSize2D() * TEXT_WIDTH_EMS);
        Font headlineFont = font.deriveFont(Font.BOLD, font.getSize2D() * 1.25f);
        content.add(WrappedText.create(app + " has stopped working", headlineFont, textWidth), at(1, 0).fillX());
        content.add(WrappedText.create(message(request.title()), font.deriveFont(Font.PLAIN), textWidth),
                at(1, 1).insets(6, 0, 0, 0).fillX());

        configureViewToggle();
        content.add(viewReport, at(1, 2).insets(GAP, 0, 0, 0).anchor(GridBagConstraints.WEST));
        content.add(reportPane, at(1, 3).insets(4, 0, 0, 0).fillBoth(1.0));

        JLabel commentLabel = new JLabel("What were you doing when it happened? (optional)");
        commentLabel.setLabelFor(comment);
        content.add(commentLabel, at(1, 4).insets(GAP + 4, 0, 4, 0).fillX());
        content.add(commentPane(), at(1, 5).fillBoth(0.001));

        JLabel emailLabel = new JLabel("E-mail, if the developers may contact you (optional)");
        emailLabel.setLabelFor(email);
        email.setName("mayday.email");
        content.add(emailLabel, at(1, 6).insets(GAP, 0, 4, 0).fillX());
        content.add(email, at(1, 7).fillX());

        String offer = request.earlierOffer();
        if (offer != null) {
            earlier = new JCheckBox(offer, true);
            earlier.setName("mayday.earlier");
            earlier.setToolTipText(String.join("; ", request.earlierTitles()));
            content.add(earlier, at(1, 8).insets(GAP, 0, 0, 0).fillX());
        } else {
            earlier = null;
        }

        content.add(bottomRow(), at(0, 9).width(2).insets(16, 0, 0, 0).fillX());
        dialog.setContentPane(content);
        closeOnEscape();
        dialog.addWindowListener(new WindowAdapter() {
            @Override
            public void windowOpened(WindowEvent e) {
                if (!outcome.opened()) {
                    dialog.dispose(); // opened after the asker stopped waiting: nobody would read the answer
                    return;
                }
                comment.requestFocusInWindow();
            }

            @Override
            public void windowClosing(WindowEvent e) {
                answer(ConsentAnswer.dontSend());
            }

            @Override
            public void windowClosed(WindowEvent e) {
                outcome.finish(null); // closed by someone else: no answer (ignored after a real one)
            }
        });
    }

    /** Shows the dialog; being modal, this returns only once it is closed. */
    void showAndWait() {
        // Sized and placed before pack() creates the native window. Moving a window that already
        // exists races with the X server's report of where it was created: AWT then and again
        // believes it is at (0, 0) while it shows in the middle, and clicks computed from that miss.
        dialog.setSize(dialog.getPreferredSize());
        dialog.setLocationRelativeTo(null);
        dialog.pack();
        dialog.setMinimumSize(dialog.getSize());
        try {
            dialog.setAlwaysOnTop(true);
        } catch (RuntimeException e) {
            // a security manager may refuse; the dialog still works below other windows
        }
        dialog.setVisible(true);
    }

    /** Closes the dialog, so that AWT can shut down and the JVM can exit. */
    void close() {
        dialog.dispose();
    }

    private void answer(ConsentAnswer answer) {
        outcome.finish(answer);
        dialog.dispose();
    }

    private static Font labelFont() {
        Font font = UIManager.getFont("Label.font");
        return font != null ? font : new Font(Font.DIALOG, Font.PLAIN, 12);
    }

    /** What happened, in one sentence, and what sending does. */
    private static String message(String title) {
        String what = title.isBlank() ? "It failed unexpectedly." : "It failed with " + title.trim() + ".";
        return what + " You can send a report of what happened to its developers, so they can fix it.";
    }

    private static JScrollPane reportPane(String reportText, Font font) {
        JTextArea report = new JTextArea(reportText, 18, 70);
        report.setName("mayday.report");
        report.setEditable(false);
        report.setFont(new Font(Font.MONOSPACED, Font.PLAIN, font.getSize()));
        report.setCaretPosition(0);
        useDefaultFocusKeys(report);
        JScrollPane pane = new JScrollPane(report);
        pane.setVisible(false);
        return pane;
    }

    /** A disclosure triangle with text, like "Show details" in native dialogs. */
    private void configureViewToggle() {
        viewReport.setName("mayday.viewReport");
        int size = Math.max(7, Math.round(viewReport.getFont().getSize2D() * 0.75f));
        viewReport.setIcon(new DisclosureIcon(size, false));
        viewReport.setSelectedIcon(new DisclosureIcon(size, true));
        viewReport.setIconTextGap(6);
        viewReport.setContentAreaFilled(false);
        viewReport.setBorderPainted(false);
        viewReport.setBorder(BorderFactory.createEmptyBorder(2, 0, 2, 2));
        viewReport.setCursor(Cursor.getPredefinedCursor(Cursor.HAND_CURSOR));
        viewReport.addItemListener(e -> showReport(viewReport.isSelected()));
    }

    private JScrollPane commentPane() {
        comment.setName("mayday.comment");
        comment.setLineWrap(true);
        comment.setWrapStyleWord(true);
        comment.setFont(labelFont());
        useDefaultFocusKeys(comment);
        return new JScrollPane(comment, ScrollPaneConstants.VERTICAL_SCROLLBAR_AS_NEEDED,
                ScrollPaneConstants.HORIZONTAL_SCROLLBAR_NEVER);
    }

    /** "Always send" on the left, the two buttons (equal width) on the right; Send is the default. */
    private JPanel bottomRow() {
        JButton dontSend = new JButton("Don't send");
        dontSend.setName("mayday.dontSend");
        dontSend.addActionListener(e -> answer(ConsentAnswer.dontSend()));
        JButton send = new JButton("Send");
        send.setName("mayday.send");
        send.addActionListener(e -> answer(ConsentAnswer.send(comment.getText(), email.getText(), always.isSelected(),
                earlier != null && earlier.isSelected())));
        dialog.getRootPane().setDefaultButton(send);

        JPanel buttons = new JPanel(new GridLayout(1, 2, GAP, 0));
        buttons.add(dontSend);
        buttons.add(send);
        JPanel row = new JPanel(new BorderLayout(16, 0));
        row.add(always, BorderLayout.WEST);
        row.add(buttons, BorderLayout.EAST);
        return row;
    }

    private void closeOnEscape() {
        String key = "mayday.dontSend";
        dialog.getRootPane().getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW)
                .put(KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0), key);
        dialog.getRootPane().getActionMap().put(key, new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                answer(ConsentAnswer.dontSend());
            }
        });
    }

    private void showReport(boolean show) {
        reportPane.setVisible(show);
        viewReport.setText(show ? "Hide report" : "View report");
        dialog.setMinimumSize(null); // pack() would not shrink below it
        dialog.pack();
        dialog.setMinimumSize(dialog.getSize());
        keepOnScreen();
    }

    /** After growing, the dialog may reach past the screen's edge: move it back, keep its size. */
    private void keepOnScreen() {
        GraphicsConfiguration gc = dialog.getGraphicsConfiguration();
        if (gc == null) {
            return;
        }
        Rectangle screen = gc.getBounds();
        Insets insets = Toolkit.getDefaultToolkit().getScreenInsets(gc);
        int left = screen.x + insets.left;
        int top = screen.y + insets.top;
        int right = screen.x + screen.width - insets.right;
        int bottom = screen.y + screen.height - insets.bottom;
        Rectangle bounds = dialog.getBounds();
        int x = Math.max(left, Math.min(bounds.x, right - bounds.width));
        int y = Math.max(top, Math.min(bounds.y, bottom - bounds.height));
        if (x != bounds.x || y != bounds.y) {
            dialog.setLocation(x, y);
        }
    }

    /** Tab leaves a text area instead of typing a tab: the comment is one field among others. */
    private static void useDefaultFocusKeys(JTextArea area) {
        area.setFocusTraversalKeys(KeyboardFocusManager.FORWARD_TRAVERSAL_KEYS, null);
        area.setFocusTraversalKeys(KeyboardFocusManager.BACKWARD_TRAVERSAL_KEYS, null);
    }

    private static Cell at(int x, int y) {
        return new Cell(x, y);
    }

    /** GridBagConstraints with a few chainable setters, so the layout above reads as a list of rows. */
    private static final class Cell extends GridBagConstraints {
        private static final long serialVersionUID = 1L;

        Cell(int x, int y) {
            gridx = x;
            gridy = y;
            anchor = WEST;
        }

        Cell height(int rows) {
            gridheight = rows;
            return this;
        }

        Cell width(int columns) {
            gridwidth = columns;
            return this;
        }

        Cell insets(int top, int left, int bottom, int right) {
            insets = new Insets(top, left, bottom, right);
            return this;
        }

        Cell anchor(int where) {
            anchor = where;
            return this;
        }

        Cell fillX() {
            fill = HORIZONTAL;
            weightx = 1.0;
            return this;
        }

        Cell fillBoth(double weightY) {
            fill = BOTH;
            weightx = 1.0;
            weighty = weightY;
            return this;
        }
    }
}
