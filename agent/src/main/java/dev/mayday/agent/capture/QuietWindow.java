package dev.mayday.agent.capture;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code quiet} option: within the window, a signature already written in this JVM is only
 * counted; the next report written for it carries that count as {@code repeats}.
 */
final class QuietWindow {

    private static final int MAX_SIGNATURES = 1024;

    private final long windowMillis;
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

    /**
     * Decides for one occurrence of {@code signature} at {@code nowMillis}.
     *
     * @return -1 to hold it back, else how many were held back before it (its {@code repeats})
     */
    synchronized long admit(String signature, long nowMillis) {
        long[] state = bySignature.get(signature); // {last written, held back since}
        if (state != null && windowMillis > 0 && nowMillis - state[0] < windowMillis) {
            state[1]++;
            return -1;
        }
        long repeats = state == null ? 0 : state[1];
        bySignature.put(signature, new long[] {nowMillis, 0});
        return repeats;
    }
}
