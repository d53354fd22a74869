package dev.mayday.bootstrap;

import java.io.PrintStream;
import java.nio.charset.Charset;

/**
 * The static entry points that woven code calls. Every method here returns quickly when the
 * agent is not (yet) installed, never throws, and never lets a failure inside Mayday replace
 * the program's own failure.
 */
public final class Bridge {

    /** Where an uncaught exception was seen, by the number woven code passes (no string constant to load). */
    public static final int THREAD = 0;
    public static final int AWT_EVENT_THREAD = 1;
    // Created when this class initialises at start-up, not when memory may have run out.
    private static final String[] UNCAUGHT_ORIGINS = {"thread", "awt-event-thread"};

    private static volatile CrashSink sink;
    private static volatile boolean captureStdout;
    private static volatile boolean captureStderr;

    private Bridge() {
    }

    /** Connects woven code to the agent. */
    public static void install(CrashSink crashSink) {
        sink = crashSink;
    }

    /** Which standard streams feed the log ring ({@code logCapture} option). */
    public static void captureStreams(boolean stdout, boolean stderr) {
        captureStdout = stdout;
        captureStderr = stderr;
    }

    /**
     * Woven into the catch block around each main-loop method.
     *
     * @return the failure to throw on, or null to return normally from the method
     */
    public static Throwable mainLoopFailed(Throwable failure, int origin) {
        MemoryReserve.releaseFor(failure);
        CrashSink s = sink;
        if (s == null || !ReentrancyGuard.enter()) {
            return failure;
        }
        try {
            return s.mainLoopFailed(failure, origin) == CrashSink.CONTINUE ? null : failure;
        } catch (Throwable ignored) {
            return failure;
        } finally {
            ReentrancyGuard.exit();
        }
    }

    /** Woven into the start of {@code Thread.dispatchUncaughtException} and the AWT event thread's handler. */
    public static void uncaught(Thread thread, Throwable failure, int origin) {
        MemoryReserve.releaseFor(failure);
        CrashSink s = sink;
        if (s == null || !ReentrancyGuard.enter()) {
            return;
        }
        boolean exit = false;
        try {
            exit = s.uncaught(thread, failure, UNCAUGHT_ORIGINS[origin]);
        } catch (Throwable ignored) {
            // The application's own handler still runs.
        } finally {
            ReentrancyGuard.exit();
        }
        if (exit) {
            // uncaught=exit: the application's handler runs now, as it would have, then the JVM ends.
            try {
                thread.getUncaughtExceptionHandler().uncaughtException(thread, failure);
            } catch (Throwable ignored) {
                // as the JVM does: an exception thrown by the handler is ignored
            }
            s.exitAfterUncaught();
        }
    }

    /** Woven into {@code System.setOut}: the stream the program sets is kept capturing. */
    public static PrintStream captureOut(PrintStream stream) {
        return captureStdout ? capturing(stream, "stdout", "stdout.encoding", "sun.stdout.encoding") : stream;
    }

    /** Woven into {@code System.setErr}. */
    public static PrintStream captureErr(PrintStream stream) {
        return captureStderr ? capturing(stream, "stderr", "stderr.encoding", "sun.stderr.encoding") : stream;
    }

    private static PrintStream capturing(PrintStream stream, String source, String encodingKey, String oldEncodingKey) {
        if (stream == null || stream instanceof CapturingPrintStream) {
            return stream;
        }
        try {
            return new CapturingPrintStream(stream, source, charset(encodingKey, oldEncodingKey));
        } catch (Throwable e) {
            return stream;
        }
    }

    private static Charset charset(String key, String oldKey) {
        String name = System.getProperty(key);
        if (name == null) {
            name = System.getProperty(oldKey);
        }
        try {
            return name == null ? Charset.defaultCharset() : Charset.forName(name);
        } catch (RuntimeException e) {
            return Charset.defaultCharset();
        }
    }
}
