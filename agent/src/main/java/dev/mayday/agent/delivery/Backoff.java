package dev.mayday.agent.delivery;

/**
 * When to try again after failed passes: 10 s, 1 min, 5 min, then stop until the next start,
 * the next crash or a {@code send} command. A collector that stays down costs a program four
 * attempts per run, never a resend storm (ACRA's 40 GB lesson).
 */
final class Backoff {

    private static final long[] DELAYS_MILLIS = {10_000, 60_000, 300_000};

    private Backoff() {
    }

    /** Milliseconds to wait after {@code failures} failed passes in a row, or -1 to stop. */
    static long delayAfter(int failures) {
        return failures >= 1 && failures <= DELAYS_MILLIS.length ? DELAYS_MILLIS[failures - 1] : -1;
    }
}
