package dev.mayday.agent.capture;

import dev.mayday.agent.diag.Diagnostics;
import dev.mayday.agent.report.LogMessages;
import dev.mayday.bootstrap.LogEntry;
import dev.mayday.bootstrap.LoggedSink;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The {@code logged} option: a record at ERROR (or WARN with {@code logged=warn}) that carries a
 * Throwable becomes a report of kind {@code logged}. The logging thread only queues it and goes on
 * (the program goes on exactly as before; {@code onCrash} does not apply); Mayday's thread writes
 * it, {@code quiet} holds repeats of its signature back, and consent and delivery follow as for a
 * program that goes on.
 */
public final class LoggedErrors implements LoggedSink {

    private final Reporter reporter;
    private final FollowUp followUp;
    private final CrashHandler crashes;

    /** @param crashes the other reporting paths: an exception one of them reported is not reported again */
    public LoggedErrors(Reporter reporter, FollowUp followUp, CrashHandler crashes) {
        this.reporter = reporter;
        this.followUp = followUp;
        this.crashes = crashes;
    }

    @Override
    public void logged(Thread thread, Throwable thrown, String framework, LogEntry entry) {
        if (thread.getName().startsWith("mayday-")) {
            return; // Mayday's own threads (reporter, sender, consent): never a report of Mayday itself
        }
        if (!crashes.firstReport(thrown)) {
            return; // already reported (a server's request failure it then logs, a main loop's crash)
        }
        Map<String, String> details = new LinkedHashMap<String, String>(4);
        details.put("logger", entry.logger());
        details.put("level", entry.level());
        details.put("message", LogMessages.text(entry));
        CrashEvent event = new CrashEvent(CrashEvent.LOGGED, thread, thrown, "logged", framework, null,
                entry.timeMillis(), details);
        if (!reporter.submit(event, then)) {
            Diagnostics.debug("logged error not reported: the reporter's queue is full");
        }
    }

    private final Consumer<Path> then = new Consumer<Path>() {
        @Override
        public void accept(Path report) {
            if (report == null) {
                return;
            }
            try {
                // A program that goes on: no exit follows, and nobody waits for the answer.
                followUp.afterReport(report, false, false);
            } catch (Throwable e) {
                Diagnostics.warn("could not ask about or deliver " + report + " (" + e + "); it stays in the outbox");
            }
        }
    };
}
