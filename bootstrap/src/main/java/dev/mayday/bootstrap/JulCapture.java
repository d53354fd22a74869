package dev.mayday.bootstrap;

import java.io.OutputStream;
import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

/**
 * Woven into the start of {@code java.util.logging.Logger.log(LogRecord)}: keeps each record the
 * logger will publish. Kept apart from {@link Bridge} so that a program that never uses
 * java.util.logging never loads it.
 */
public final class JulCapture {

    private static volatile boolean enabled;

    private JulCapture() {
    }

    /** Turns capture on or off ({@code logCapture} option). */
    public static void setEnabled(boolean on) {
        enabled = on;
    }

    /**
     * Called by woven code when {@code Logger.log(LogRecord)} starts, with the logger and the
     * record. Kept this small on purpose so the JIT inlines it into the logging call: the record
     * itself then never escapes (only its fields go on to {@link #keep}), and the JVM can still
     * allocate the LogRecord on the stack, as it does without Mayday.
     */
    public static void record(Logger logger, LogRecord record) {
        if (enabled && record != null) {
            Level level = record.getLevel();
            // Before Logger.log's own level check: keep only what the logger will publish.
            if (level != null && logger.isLoggable(level)) {
                keep(record.getMillis(), level, record.getLoggerName(), record.getMessage(),
                        record.getParameters(), record.getThrown());
            }
        }
    }

    /**
     * Never inlined (the JVM honours {@code @DontInline} for classes of the boot loader, which
     * these are): inlined, it made {@code Logger.log(LogRecord)} compile past C2's size limit for
     * inlining, so the record escaped and was allocated where without Mayday it was not. As a real
     * call taking the record's fields, the record itself still never escapes.
     */
    @jdk.internal.vm.annotation.DontInline
    private static void keep(long millis, Level level, String logger, String message, Object[] parameters,
                             Throwable thrown) {
        LogRing ring = LogRing.current();
        if (ring == null) {
            return;
        }
        try {
            String thread = Thread.currentThread().getName();
            if (thrown == null) {
                // The usual record: into its slot with no object made (and not a logged error).
                ring.addRecord(millis, level.getName(), logger, thread, message, parameters, LogEntry.MESSAGE_FORMAT,
                        false);
                LogCapture.julKept(level.intValue(), logger, null, null);
                return;
            }
            // The entry keeps JDK values only: other parameters are formatted here, on the logging thread.
            LogEntry entry = new LogEntry(millis, level.getName(), logger, thread, message, parameters, thrown);
            ring.add(entry);
            LogCapture.julKept(level.intValue(), logger, thrown, entry);
        } catch (Throwable ignored) {
            // Capturing a log line must never break the logging call.
        }
    }

    /**
     * Called by woven code when a {@code StreamHandler} is given its stream. A ConsoleHandler
     * prints each record it publishes to System.err; the ring has the record already, so the
     * handler's writes are marked as a record's console copy and the stream tap leaves them out.
     * The application's own System.err lines are still kept.
     */
    public static OutputStream consoleStream(StreamHandler handler, OutputStream stream) {
        if (handler instanceof ConsoleHandler && stream != null && !(stream instanceof EchoMarkingStream)) {
            return new EchoMarkingStream(stream);
        }
        return stream;
    }
}
