package dev.mayday.collector.ingest;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per ingest key: up to {@code perSecond} reports in any second, with a
 * burst of one second's worth. Zero turns limiting off.
 */
public final class RateLimiter {

    private final int perSecond;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(int perSecond) {
        this.perSecond = perSecond;
    }

    /** Takes one permit for this key; false means the caller answers 429. */
    public boolean tryAcquire(String key) {
        if (perSecond <= 0) {
            return true;
        }
        return buckets.computeIfAbsent(key, k -> new Bucket(perSecond)).take(perSecond);
    }

    /** Gives back a permit taken for a report that turned out invalid: garbage costs the key's agents nothing. */
    public void refund(String key) {
        if (perSecond <= 0) {
            return;
        }
        Bucket b = buckets.get(key);
        if (b != null) {
            b.refund(perSecond);
        }
    }

    private static final class Bucket {
        private double permits;
        private long lastNanos = System.nanoTime();

        Bucket(int perSecond) {
            permits = perSecond;
        }

        synchronized boolean take(int perSecond) {
            long now = System.nanoTime();
            permits = Math.min(perSecond, permits + (now - lastNanos) * perSecond / 1e9);
            lastNanos = now;
            if (permits >= 1) {
                permits -= 1;
                return true;
            }
            return false;
        }

        synchronized void refund(int perSecond) {
            permits = Math.min(perSecond, permits + 1);
        }
    }
}
