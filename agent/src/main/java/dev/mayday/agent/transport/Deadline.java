package dev.mayday.agent.transport;

import java.util.Timer;
import java.util.TimerTask;

/**
 * Cuts an exchange that takes longer than it may, whatever the other side does: a collector
 * that answers one byte at a time passes every read timeout, but not this. One daemon timer
 * thread ({@code mayday-deadline}), started at the first delivery, never keeps the JVM alive.
 */
final class Deadline {

    private static Timer timer;

    private Deadline() {
    }

    /** An armed deadline: {@link #cancel()} it when the exchange ends in time. */
    static final class Armed extends TimerTask {
        private final Runnable onExpiry;
        private volatile boolean expired;

        Armed(Runnable onExpiry) {
            this.onExpiry = onExpiry;
        }

        @Override
        public void run() {
            expired = true;
            try {
                onExpiry.run();
            } catch (RuntimeException ignored) {
                // the exchange fails by itself then
            }
        }

        /** True once the deadline passed and the exchange was cut. */
        boolean expired() {
            return expired;
        }
    }

    /** Runs {@code onExpiry} (on the timer's thread) in {@code millis} unless cancelled before. */
    static Armed arm(long millis, Runnable onExpiry) {
        Armed armed = new Armed(onExpiry);
        try {
            timer().schedule(armed, millis);
        } catch (IllegalStateException timerGone) {
            synchronized (Deadline.class) {
                timer = null; // its thread ended (it never should): start another
            }
            timer().schedule(armed, millis);
        }
        return armed;
    }

    private static synchronized Timer timer() {
        if (timer == null) {
            timer = new Timer("mayday-deadline", true);
        }
        return timer;
    }
}
