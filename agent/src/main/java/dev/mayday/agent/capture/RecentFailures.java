package dev.mayday.agent.capture;

import java.lang.ref.WeakReference;

/**
 * Remembers the last few failures already reported, by identity, so that one exception seen by a
 * nested main loop, then by the thread's end, makes one report, not several.
 */
final class RecentFailures {

    private final WeakReference<?>[] seen = new WeakReference<?>[32];
    private int next;

    /** True the first time {@code failure} is offered, false for the same instance again. */
    synchronized boolean firstTime(Throwable failure) {
        for (WeakReference<?> ref : seen) {
            if (ref != null && ref.get() == failure) {
                return false;
            }
        }
        seen[next] = new WeakReference<Throwable>(failure);
        next = (next + 1) % seen.length;
        return true;
    }
}
