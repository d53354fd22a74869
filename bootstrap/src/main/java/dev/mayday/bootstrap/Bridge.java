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

    /** How long a failure that comes before the agent has finished starting waits for it. */
    private static final long START_WAIT_MILLIS = 5_000;

    private static volatile CrashSink sink;
    /** Set while the agent finishes starting on its own thread, after premain has returned. */
    private static volatile Thread starting;
    private static final Object STARTED = new Object();

    private Bridge() {
    }

    /**
     * The agent finishes starting on {@code starter}, beside the program's main: until
     * {@link #started()} a failure (and a logged error, a request failure) waits for it, a
     * moment, rather than going unreported. The starter thread itself never waits.
     */
    public static void startingOn(Thread starter) {
        starting = starter;
    }

    /** Connects woven code to the agent. */
    public static void install(CrashSink crashSink) {
        sink = crashSink;
    }

    /** The agent has started (or given up starting): nothing waits any more. */
    public static void started() {
        synchronized (STARTED) {
            starting = null;
            STARTED.notifyAll();
        }
    }

    /**
     * Waits, at most {@value #START_WAIT_MILLIS} ms, while the agent is still starting; returns at
     * once otherwise (and on the starter thread). Only failures that come in the first few
     * milliseconds of a program ever wait here.
     */
    public static void awaitStart() {
        Thread s = starting;
        if (s == null || s == Thread.currentThread()) {
            return;
        }
        boolean interrupted = false;
        long deadline = System.nanoTime() + START_WAIT_MILLIS * 1_000_000L;
        synchronized (STARTED) {
            while (starting != null) {
                long left = (deadline - System.nanoTime()) / 1_000_000L;
                if (left <= 0) {
                    break;
                }
                try {
                    STARTED.wait(left);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static CrashSink sink() {
        CrashSink s = sink;
        if (s == null && starting != null) {
            awaitStart();
            s = sink;
        }
        return s;
    }

    /**
     * Woven into the catch block around each main-loop method.
     *
     * @return the failure to throw on, or null to return normally from the method
     */
    public static Throwable mainLoopFailed(Throwable failure, int origin) {
        MemoryReserve.releaseFor(failure);
        CrashSink s = sink();
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
        CrashSink s = sink();
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
