package dev.mayday.bootstrap;

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

    private Bridge() {
    }

    /** Connects woven code to the agent. */
    public static void install(CrashSink crashSink) {
        sink = crashSink;
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
}
