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

    /** Called by woven code when {@code Logger.log(LogRecord)} starts, with the logger and the record. */
    public static void record(Logger logger, LogRecord record) {
        if (!enabled || record == null) {
            return;
        }
        LogRing ring = LogRing.current();
        if (ring == null) {
            return;
        }
        try {
            Level level = record.getLevel();
            // The hook runs before Logger.log's own level check: keep only what it will publish.
            if (level == null || !logger.isLoggable(level)) {
                return;
            }
            ring.add(new LogEntry(record.getMillis(), level.getName(), record.getLoggerName(),
                    Thread.currentThread().getName(), record.getMessage(), record.getParameters(),
                    record.getThrown()));
        } catch (Throwable ignored) {
            // Capturing a log line must never break the logging call.
        }
    }

    /**
     * Called by woven code when a {@code StreamHandler} is given its stream. A ConsoleHandler
     * prints each record it publishes to System.err; the ring has the record already, so the
     * handler gets the real System.err rather than Mayday's capturing copy and its lines are not
     * kept twice. The application's own System.err lines are still kept.
     */
    public static OutputStream consoleStream(StreamHandler handler, OutputStream stream) {
        if (handler instanceof ConsoleHandler && stream instanceof CapturingPrintStream) {
            return ((CapturingPrintStream) stream).original();
        }
        return stream;
    }
}
