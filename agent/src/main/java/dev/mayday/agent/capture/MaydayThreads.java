package dev.mayday.agent.capture;

import dev.mayday.agent.diag.Diagnostics;
import dev.mayday.agent.report.SafeThrowable;

/**
 * Mayday's own threads. A failure on one of them is Mayday's, never the program's: it is not
 * reported (a report about Mayday's thread would say the program failed), it costs one short line,
 * and a thread that must always be there is started again.
 */
public final class MaydayThreads {

    /** Every thread Mayday starts is named so; {@link dev.mayday.agent.report.ThreadsJson} leaves them out too. */
    public static final String PREFIX = "mayday-";

    private MaydayThreads() {
    }

    /**
     * True for a thread of Mayday's: one made by {@link #newThread}, or named {@value #PREFIX}
     * (the sender, consent and shutdown threads, and those of other parts of the agent).
     */
    public static boolean isMaydays(Thread t) {
        return t instanceof Worker || (t != null && t.getName().startsWith(PREFIX));
    }

    /**
     * A daemon thread of Mayday's with a stack of {@code stackBytes}; when it ends with an
     * exception, one line says so and {@code onDeath} (if any) runs.
     */
    public static Thread newThread(String name, long stackBytes, Runnable body, Runnable onDeath) {
        Worker t = new Worker(body, name, stackBytes, onDeath);
        t.setDaemon(true);
        t.setUncaughtExceptionHandler(DEATH);
        return t;
    }

    private static final Thread.UncaughtExceptionHandler DEATH = new Thread.UncaughtExceptionHandler() {
        @Override
        public void uncaughtException(Thread t, Throwable e) {
            try {
                Diagnostics.warn("internal error on " + t.getName() + " (" + SafeThrowable.line(e) + ")");
            } catch (Throwable ignored) {
                // out of memory again: the replacement below matters more
            }
            Runnable onDeath = ((Worker) t).onDeath;
            if (onDeath != null) {
                try {
                    onDeath.run();
                } catch (Throwable ignored) {
                    // the next report starts one again
                }
            }
        }
    };

    private static final class Worker extends Thread {
        final Runnable onDeath;

        Worker(Runnable body, String name, long stackBytes, Runnable onDeath) {
            super(null, body, name, stackBytes);
            this.onDeath = onDeath;
        }
    }
}
