package dev.mayday.bootstrap;

/**
 * What the agent does with a failure that woven code caught. The bootstrap class loader cannot
 * see the agent's classes, so the agent hands an implementation of this interface to
 * {@link Bridge#install(CrashSink)} and woven code reaches it through {@link Bridge}.
 */
public interface CrashSink {

    /** {@link #mainLoopFailed} answer: throw the failure on, as if Mayday were not there. */
    int RETHROW = 0;
    /** {@link #mainLoopFailed} answer: return normally from the main-loop method with a zero value. */
    int CONTINUE = 1;

    /**
     * A method wrapped as a main loop ended with {@code failure}. Called on the failing thread;
     * returns once the report is on disk. With {@code onCrash=exit} it does not return.
     *
     * @param origin which wrapped method failed, as numbered by the agent when it wove it (a number,
     *        not a string: loading a string constant can itself run out of memory)
     * @return {@link #RETHROW} or {@link #CONTINUE}
     */
    int mainLoopFailed(Throwable failure, int origin);

    /**
     * {@code thread} is about to end with {@code failure} (or the AWT event thread caught it).
     *
     * @return true if the JVM is to end once the application's handler has run ({@code uncaught=exit})
     */
    boolean uncaught(Thread thread, Throwable failure, String origin);

    /** Ends the JVM after an uncaught exception ({@code uncaught=exit}); does not return. */
    void exitAfterUncaught();
}
