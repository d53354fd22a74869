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
 *
 * <p>Reports of a program that goes on ({@link EarlierReports}) never raise a question by
 * themselves: the question about the next crash offers them too ("also send 3 earlier problem
 * reports"), and the answer is recorded in each.
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
        afterReport(report, null, exitFollows, mayBlock);
    }

    /**
     * The same, for a report whose kind the caller knows: a report of a program that goes on
     * ({@code logged}, {@code request}, {@code swallowed}, {@code hang}, {@code deadlock}) never
     * raises a question by itself under {@code consent=ask}; it waits in the outbox and is offered
     * with the next question about a crash. With a null kind, the kind is read from the report.
     */
    public void afterReport(final Path report, String kind, final boolean exitFollows, boolean mayBlock) {
        if (!courier.enabled()) {
            return; // consent=never or nowhere to send: the report stays where it is
        }
        if (mode == Options.Consent.ALWAYS) {
            deliver(exitFollows);
            return;
        }
        if (EarlierReports.goesOn(kind)) {
            keepForTheNextQuestion(report, exitFollows);
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

    /**
     * Nothing is asked. Only if the person chose "Always send" for some application earlier is the
     * report read (on a thread of Mayday's, not the program's) to see whether it is this one's.
     */
    private void keepForTheNextQuestion(final Path report, final boolean exitFollows) {
        if (!store.anyAlwaysSend()) {
            Diagnostics.debug("no question for " + report.getFileName() + ": the program goes on; it is offered"
                    + " with the next crash report");
            return;
        }
        Thread sending = new Thread(new Runnable() {
            @Override
            public void run() {
                askThenDeliver(report, exitFollows, false);
            }
        }, "mayday-consent");
        sending.setDaemon(true); // nobody is asked: nothing to keep the program alive for
        sending.start();
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
            if (EarlierReports.goesOn(UserSection.text(parsed, "kind", null))) {
                sendIfRemembered(parsed, app, report, exitFollows);
                return;
            }
            EarlierReports earlier = EarlierReports.of(outbox, app, report);
            boolean send = decide(parsed, app, report, consoleAllowed, earlier);
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

    /** A report of a program that goes on leaves without a question only if "Always send" was chosen for it. */
    private void sendIfRemembered(JsonObject report, String app, Path file, boolean exitFollows) {
        if (!store.alwaysSend(app)) {
            Diagnostics.debug("no question for " + file.getFileName() + ": the program goes on; it is offered"
                    + " with the next crash report");
            return;
        }
        UserSection.set(report, UserSection.ASK_REMEMBERED, null, null);
        try {
            outbox.replace(file, UserSection.bytes(report));
        } catch (IOException e) {
            Diagnostics.warn("cannot record the answer in " + file + " (" + e + "); it stays unsent");
            return;
        }
        deliver(exitFollows);
    }

    /**
     * Asks (or finds the remembered answer), records it in the report's {@code user} and in the
     * earlier problem reports offered with it; true to send.
     */
    private boolean decide(JsonObject report, String app, Path file, boolean consoleAllowed, EarlierReports earlier) {
        if (store.alwaysSend(app)) {
            UserSection.set(report, UserSection.ASK_REMEMBERED, null, null);
            earlier.record(outbox, UserSection.ASK_REMEMBERED);
            return true;
        }
        ConsentAsker asker = chooseAsker(consoleAllowed);
        ConsentAnswer answer = null;
        if (asker != null) {
            String title = UserSection.text(report, "title", "a crash");
            answer = asker.ask(new ConsentRequest(app, title, UserSection.pretty(report) + earlier.text(),
                    earlier.titles()));
        }
        if (answer == null) {
            // The earlier ones stay pending: offered again when somebody can be asked.
            UserSection.set(report, UserSection.UNASKED, null, null);
            Diagnostics.warn("nobody to ask whether to send the crash report (no display, no console); it stays unsent in "
                    + file + " (send it with: java -jar mayday-agent.jar send)");
            return false;
        }
        if (!answer.send()) {
            UserSection.set(report, UserSection.ASK_DECLINED, null, null);
            earlier.record(outbox, UserSection.ASK_DECLINED);
            Diagnostics.warn("crash report not sent, as asked; it stays in " + file);
            return false;
        }
        if (answer.alwaysSend()) {
            store.rememberAlwaysSend(app);
        }
        UserSection.set(report, UserSection.ASK_ACCEPTED, answer.comment(), answer.email());
        earlier.record(outbox, answer.includeEarlier() ? UserSection.ASK_ACCEPTED : UserSection.ASK_DECLINED);
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
