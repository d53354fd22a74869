package dev.mayday.agent.watch;

import dev.mayday.agent.capture.FollowUp;
import dev.mayday.agent.capture.Reporter;
import dev.mayday.agent.diag.Diagnostics;
import dev.mayday.bootstrap.TaskFailures;

/**
 * Mayday's one watchdog thread ({@code mayday-watch}, a daemon): takes the task failures nobody
 * read from {@link TaskFailures} ({@code swallowed}), and with {@code hang} set ticks the stall
 * and deadlock checks.
 *
 * <p>Not fooled by pauses: each tick counts only the time the watchdog saw itself running. A
 * wait that lasted more than {@link #LATE_MILLIS} and two ticks longer than asked means the
 * whole JVM stood still (a debugger holding every thread, SIGSTOP, a suspended laptop, a long GC
 * pause): the excess is not counted, so a pause never turns a working loop into a stall. The
 * watchdog's own work (writing a report) counts: it saw itself running. A thread a debugger
 * suspended alone is recognised by {@code ThreadInfo.isSuspended()}.
 */
public final class Watch implements Runnable {

    static final long DEADLOCK_EVERY_MILLIS = 1000;
    /** A wait this much (plus two ticks) longer than asked was a pause, not a busy machine's late wake-up. */
    static final long LATE_MILLIS = 500;
    static final long EXIT_BUDGET_MILLIS = 3000;
    static final int EXIT_MAX_REPORTS = 20;

    private final long hangMillis;
    private final long tickMillis;
    private final boolean swallowed;
    private final SwallowedReports swallowedReports;
    private final StallWatch stalls;
    private final DeadlockWatch deadlocks;

    private Watch(long hangSeconds, boolean swallowed, Reporter reporter, FollowUp followUp) {
        this.hangMillis = hangSeconds * 1000;
        this.tickMillis = hangSeconds > 0 ? Math.max(50, Math.min(1000, hangMillis / 10)) : 60_000;
        this.swallowed = swallowed;
        this.swallowedReports = new SwallowedReports(reporter, followUp);
        this.stalls = hangSeconds > 0 ? new StallWatch(hangMillis, reporter, followUp) : null;
        this.deadlocks = hangSeconds > 0 ? new DeadlockWatch(reporter, followUp) : null;
    }

    /** Starts the watchdog if {@code hang} or {@code swallowed} needs it; on Mayday's thread, after start-up. */
    public static void start(long hangSeconds, boolean swallowed, Reporter reporter, FollowUp followUp) {
        if (hangSeconds <= 0 && !swallowed) {
            return;
        }
        final Watch watch = new Watch(hangSeconds, swallowed, reporter, followUp);
        // No inherited thread-locals: nothing of the program's is kept by Mayday's thread.
        Thread thread = new Thread(null, watch, "mayday-watch", 0, false);
        thread.setDaemon(true);
        thread.setContextClassLoader(null);
        thread.start();
        if (swallowed) {
            Thread atExit = new Thread(null, new Runnable() {
                @Override
                public void run() {
                    watch.reportUnreadAtExit();
                }
            }, "mayday-swallowed-at-exit", 0, false);
            atExit.setContextClassLoader(null);
            try {
                Runtime.getRuntime().addShutdownHook(atExit);
            } catch (IllegalStateException e) {
                // already shutting down
            }
        }
    }

    @Override
    public void run() {
        long lastTick = System.nanoTime();
        long pausedMillis = 0; // since lastTick: waits that lasted far longer than asked
        long nextDeadlockCheck = lastTick;
        while (true) {
            try {
                long wait = tickMillis - (System.nanoTime() - lastTick) / 1_000_000;
                if (wait > 0) {
                    long waitStart = System.nanoTime();
                    TaskFailures.Failure f = null;
                    if (swallowed) {
                        f = TaskFailures.next(wait);
                    } else {
                        Thread.sleep(wait);
                    }
                    long waited = (System.nanoTime() - waitStart) / 1_000_000;
                    if (waited > wait + LATE_MILLIS + 2 * tickMillis) {
                        pausedMillis += waited - wait; // the whole JVM stood still: not the loop's time
                    }
                    if (f != null) {
                        swallowedReports.report(f, f.immediate() ? "periodic task died" : "future collected unread",
                                true);
                        continue;
                    }
                }
                long now = System.nanoTime();
                long elapsed = (now - lastTick) / 1_000_000;
                long counted = Math.max(0, elapsed - pausedMillis);
                lastTick = now;
                pausedMillis = 0;
                if (stalls == null) {
                    continue;
                }
                stalls.tick(counted);
                if (now - nextDeadlockCheck >= 0) {
                    deadlocks.check();
                    nextDeadlockCheck = System.nanoTime() + DEADLOCK_EVERY_MILLIS * 1_000_000;
                }
            } catch (InterruptedException e) {
                // a daemon: keep watching until the JVM ends
            } catch (Throwable e) {
                Diagnostics.debug("watchdog: " + e);
            }
        }
    }

    /** A shutdown hook: failures still stored in futures nobody read, reported now (bounded). */
    void reportUnreadAtExit() {
        long deadline = System.nanoTime() + EXIT_BUDGET_MILLIS * 1_000_000;
        int written = 0;
        try {
            TaskFailures.Failure f;
            while (written < EXIT_MAX_REPORTS && (f = TaskFailures.next(1)) != null) {
                swallowedReports.report(f, f.immediate() ? "periodic task died" : "future collected unread", false);
                written++;
            }
            for (TaskFailures.Failure u : TaskFailures.unread()) {
                if (written >= EXIT_MAX_REPORTS || System.nanoTime() - deadline > 0) {
                    Diagnostics.debug("more unread task failures at exit than reported");
                    break;
                }
                swallowedReports.report(u, "unread at exit", false);
                written++;
            }
        } catch (Throwable e) {
            Diagnostics.debug("swallowed at exit: " + e);
        }
    }
}
