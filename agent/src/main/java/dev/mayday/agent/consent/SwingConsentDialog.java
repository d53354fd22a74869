package dev.mayday.agent.consent;

import java.awt.EventQueue;
import java.awt.GraphicsEnvironment;
import java.util.Locale;

/**
 * Asks for consent with a dialog, in the manner of Mozilla's crash reporter and IntelliJ's error
 * dialog: "&lt;app&gt; has stopped working", what happened, the report itself behind "View report",
 * an optional comment and e-mail, "Always send for &lt;app&gt;", and "Don't send" / "Send".
 *
 * <p>The dialog is application-modal: a modeless one would be blocked (take no clicks) while the
 * application has a modal dialog of its own open, and a failed application should not take input
 * meanwhile anyway. {@link #ask} may be called from any thread. On the event dispatch thread (the
 * application's own event thread failed) the dialog's nested event loop runs right there, so the
 * application's windows keep painting. From any other thread the dialog is shown through the
 * event queue and the caller waits; if the event thread does not show it within
 * {@value #SHOW_TIMEOUT_MILLIS} ms (it is stuck, perhaps behind a lock the failed thread holds)
 * the caller gives up with null, and a dialog that opens later closes itself.
 *
 * <p>This class itself touches no AWT class until {@link #displayAvailable()} or {@link #ask} needs
 * one, so checking for a display on a server does not load AWT.
 */
public final class SwingConsentDialog implements ConsentAsker {

    static final long SHOW_TIMEOUT_MILLIS = 10_000;

    private final long showTimeoutMillis;

    public SwingConsentDialog() {
        this(SHOW_TIMEOUT_MILLIS);
    }

    /** For tests: a shorter wait for a stuck event thread. */
    SwingConsentDialog(long showTimeoutMillis) {
        this.showTimeoutMillis = showTimeoutMillis;
    }

    /**
     * Whether a dialog can be shown: not headless and, on Linux and other Unix systems, a display
     * named in {@code DISPLAY} or {@code WAYLAND_DISPLAY}. The environment is checked first, so a
     * server without a display never loads AWT.
     */
    public static boolean displayAvailable() {
        try {
            if ("true".equalsIgnoreCase(System.getProperty("java.awt.headless"))) {
                return false;
            }
            String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            boolean windowsOrMac = os.startsWith("windows") || os.startsWith("mac") || os.contains("darwin");
            if (!windowsOrMac && isBlank(System.getenv("DISPLAY")) && isBlank(System.getenv("WAYLAND_DISPLAY"))) {
                return false;
            }
            return !GraphicsEnvironment.isHeadless();
        } catch (Throwable e) {
            return false;
        }
    }

    @Override
    public ConsentAnswer ask(ConsentRequest request) {
        try {
            return EventQueue.isDispatchThread() ? askOnEventThread(request) : askFromAnotherThread(request);
        } catch (Throwable e) {
            // HeadlessException, AWTError (no X server after all), anything a broken toolkit throws
            return null;
        }
    }

    /** Modal, so setVisible runs a nested event loop and returns when the dialog closes. */
    private static ConsentAnswer askOnEventThread(ConsentRequest request) {
        DialogOutcome outcome = new DialogOutcome();
        ConsentDialogWindow window = new ConsentDialogWindow(request, outcome);
        try {
            window.showAndWait();
        } finally {
            window.close();
        }
        return outcome.answerNow();
    }

    private ConsentAnswer askFromAnotherThread(ConsentRequest request) {
        DialogOutcome outcome = new DialogOutcome();
        EventQueue.invokeLater(() -> showOnEventThread(request, outcome));
        try {
            if (!outcome.awaitOpened(showTimeoutMillis) && outcome.abandon()) {
                EventQueue.invokeLater(outcome::close); // in case it is being built right now
                return null;
            }
            return outcome.awaitAnswer();
        } catch (InterruptedException e) {
            outcome.abandon();
            EventQueue.invokeLater(outcome::close);
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static void showOnEventThread(ConsentRequest request, DialogOutcome outcome) {
        try {
            if (outcome.abandoned()) {
                return; // the event thread came back too late; nobody waits for this dialog
            }
            ConsentDialogWindow window = new ConsentDialogWindow(request, outcome);
            outcome.closeWith(window::close);
            try {
                window.showAndWait();
            } finally {
                window.close();
            }
        } catch (Throwable e) {
            // Must not escape: on the event thread it would reach the application's handlers as a new crash.
            outcome.finish(null);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
