package dev.mayday.agent.consent;

import com.google.gson.JsonObject;
import dev.mayday.agent.delivery.Courier;
import dev.mayday.agent.diag.Diagnostics;
import dev.mayday.agent.options.Options;
import dev.mayday.agent.outbox.Outbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What happens to a report once it is safe in the outbox: with {@code consent=ask} the person is
 * asked (a dialog where there is a display, a prompt where there is a console, else nobody and
 * the report stays), the answer goes into the report's {@code user} object, and the
 * {@link Courier} delivers what may leave. One question at a time: a second crash waits for the
 * answer to the first (which may well be "Always send").
 */
public final class ConsentFlow {

    private final Options.Consent mode;
    private final Outbox outbox;
    private final Courier courier;
    private final ConsentStore store;
    private final Object oneQuestionAtATime = new Object();

    public ConsentFlow(Options.Consent mode, Outbox outbox, Courier courier, ConsentStore store) {
        this.mode = mode;
        this.outbox = outbox;
        this.courier = courier;
        this.store = store;
    }

    public Courier courier() {
        return courier;
    }

    /**
     * Called on the failing thread after its report was written.
     *
     * @param exitFollows the JVM ends next: ask here, then deliver and wait (bounded) for it
     * @param mayBlock the failing thread may wait for the person (its thread is ending anyway);
     *     otherwise the question is asked on a thread of Mayday's own and the program goes on
     */
    public void afterReport(final Path report, final boolean exitFollows, boolean mayBlock) {
        if (!courier.enabled()) {
            return; // consent=never or nowhere to send: the report stays where it is
        }
        if (mode == Options.Consent.ALWAYS) {
            deliver(exitFollows);
            return;
        }
        if (exitFollows || mayBlock) {
            askThenDeliver(report, exitFollows, true);
            return;
        }
        Thread asking = new Thread(new Runnable() {
            @Override
            public void run() {
                askThenDeliver(report, false, false);
            }
        }, "mayday-consent");
        // Not a daemon: a program whose main ends while the question is on its way or on screen
        // must not take the question away with it. Without a display the thread ends at once.
        asking.setDaemon(false);
        asking.start();
    }

    private void deliver(boolean exitFollows) {
        if (exitFollows) {
            courier.deliverAndWait(Courier.EXIT_WAIT_MILLIS);
        } else {
            courier.deliverSoon();
        }
    }

    private void askThenDeliver(Path report, boolean exitFollows, boolean consoleAllowed) {
        synchronized (oneQuestionAtATime) {
            JsonObject parsed;
            try {
                parsed = UserSection.parse(Files.readAllBytes(report));
            } catch (IOException | RuntimeException e) {
                Diagnostics.warn("cannot read " + report + " to ask about it (" + e + "); it stays unsent");
                return;
            }
            String app = UserSection.appName(parsed, "The program");
            boolean send = decide(parsed, app, report, consoleAllowed);
            try {
                outbox.replace(report, UserSection.bytes(parsed));
            } catch (IOException e) {
                Diagnostics.warn("cannot record the answer in " + report + " (" + e + "); it stays unsent");
                return;
            }
            if (send) {
                deliver(exitFollows);
            }
        }
    }

    /** Asks (or finds the remembered answer), records it in the report's {@code user}; true to send. */
    private boolean decide(JsonObject report, String app, Path file, boolean consoleAllowed) {
        if (store.alwaysSend(app)) {
            UserSection.set(report, UserSection.ASK_REMEMBERED, null, null);
            return true;
        }
        ConsentAsker asker = chooseAsker(consoleAllowed);
        ConsentAnswer answer = null;
        if (asker != null) {
            String title = UserSection.text(report, "title", "a crash");
            answer = asker.ask(new ConsentRequest(app, title, UserSection.pretty(report)));
        }
        if (answer == null) {
            UserSection.set(report, UserSection.UNASKED, null, null);
            Diagnostics.warn("nobody to ask whether to send the crash report (no display, no console); it stays unsent in "
                    + file + " (send it with: java -jar mayday-agent.jar send)");
            return false;
        }
        if (!answer.send()) {
            UserSection.set(report, UserSection.ASK_DECLINED, null, null);
            Diagnostics.warn("crash report not sent, as asked; it stays in " + file);
            return false;
        }
        if (answer.alwaysSend()) {
            store.rememberAlwaysSend(app);
        }
        UserSection.set(report, UserSection.ASK_ACCEPTED, answer.comment(), answer.email());
        return true;
    }

    private static ConsentAsker chooseAsker(boolean consoleAllowed) {
        if (SwingConsentDialog.displayAvailable()) {
            return new SwingConsentDialog();
        }
        // A program that goes on owns its console: only ask there when it is ending anyway.
        return consoleAllowed ? ConsolePrompt.systemConsole() : null;
    }
}
