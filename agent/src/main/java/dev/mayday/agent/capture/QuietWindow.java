package dev.mayday.agent.capture;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code quiet} option: within the window, a signature already written in this JVM is only
 * counted; the next report written for it carries that count as {@code repeats}. What is still
 * counted when the JVM ends is taken by {@link #drain} (a repeats record, {@link HeldBack}).
 */
final class QuietWindow {

    private static final int MAX_SIGNATURES = 1024;

    private final long windowMillis;
    // {last written, held back since, announced (1) or not (0)}
    private final Map<String, long[]> bySignature = new LinkedHashMap<String, long[]>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, long[]> eldest) {
            return size() > MAX_SIGNATURES;
        }
    };

    QuietWindow(long windowSeconds) {
        this.windowMillis = windowSeconds * 1000L;
    }

    long windowSeconds() {
        return windowMillis / 1000L;
    }

    /**
     * Decides for one occurrence of {@code signature} at {@code nowMillis}.
     *
     * @return -1 to hold it back, else how many were held back before it (its {@code repeats})
     */
    synchronized long admit(String signature, long nowMillis) {
        long[] state = bySignature.get(signature);
        if (state != null && windowMillis > 0 && nowMillis - state[0] < windowMillis) {
            state[1]++;
            return -1;
        }
        long repeats = state == null ? 0 : state[1];
        bySignature.put(signature, new long[] {nowMillis, 0, state == null ? 0 : state[2]});
        return repeats;
    }

    /** True the first time an occurrence of {@code signature} is held back in this JVM: say so once. */
    synchronized boolean firstHoldBack(String signature) {
        long[] state = bySignature.get(signature);
        if (state == null || state[2] != 0) {
            return false;
        }
        state[2] = 1;
        return true;
    }

    /** The counts no report has carried yet, by signature; they are set to zero. */
    synchronized Map<String, Long> drain() {
        Map<String, Long> held = new LinkedHashMap<String, Long>();
        for (Map.Entry<String, long[]> e : bySignature.entrySet()) {
            if (e.getValue()[1] > 0) {
                held.put(e.getKey(), e.getValue()[1]);
                e.getValue()[1] = 0;
            }
        }
        return held;
    }
}
