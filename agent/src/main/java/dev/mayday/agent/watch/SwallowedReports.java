package dev.mayday.agent.watch;

import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.mayday.agent.capture.CrashEvent;
import dev.mayday.agent.capture.FollowUp;
import dev.mayday.agent.capture.Reporter;
import dev.mayday.agent.diag.Diagnostics;
import dev.mayday.bootstrap.TaskFailures;
import java.nio.file.Path;

/** Turns a failure {@link TaskFailures} found unread into a {@code swallowed} report. */
final class SwallowedReports {

    private final Reporter reporter;
    private final FollowUp followUp;

    SwallowedReports(Reporter reporter, FollowUp followUp) {
        this.reporter = reporter;
        this.followUp = followUp;
    }

    /**
     * @param how {@code periodic task died}, {@code future collected unread} or {@code unread at exit}
     * @param deliver false at exit: the report waits in the outbox for the next start
     */
    Path report(TaskFailures.Failure f, String how, boolean deliver) {
        JsonObject thread = new JsonObject();
        thread.addProperty("name", f.threadName);
        thread.addProperty("id", f.threadId);
        thread.addProperty("daemon", f.threadDaemon);
        thread.addProperty("virtual", f.threadVirtual);
        CrashEvent event = new CrashEvent(CrashEvent.SWALLOWED, f.thread.get(), f.failure, f.originType, f.origin, null,
                f.timeMillis)
                .with("thread", thread)
                .with("origin.thread", new JsonPrimitive(f.threadName))
                .with("origin.task", new JsonPrimitive(f.task))
                .with("origin.found", new JsonPrimitive(how));
        Path file = reporter.report(event);
        if (file != null && deliver) {
            try {
                followUp.afterReport(file, false, false);
            } catch (Throwable e) {
                Diagnostics.warn("could not ask about or deliver " + file + " (" + e + "); it stays in the outbox");
            }
        }
        return file;
    }
}
