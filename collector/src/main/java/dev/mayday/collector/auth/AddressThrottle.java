package dev.mayday.collector.auth;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down guessing: each remote address may fail (wrong key, wrong token, a body that is not
 * a report) {@code burst} times, then once per {@code refillMillis}. An address over it is
 * answered 429 before any work is done for it; real agents at other addresses are untouched.
 * The table forgets everything when it grows past {@link #MAX_ADDRESSES}, so a flood of
 * addresses cannot fill memory.
 */
public final class AddressThrottle {

    static final int MAX_ADDRESSES = 100_000;

    private final int burst;
    private final long refillMillis;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public AddressThrottle(int burst, long refillMillis) {
        this.burst = burst;
        this.refillMillis = refillMillis;
    }

    /** Whether this address may be answered now (false: too many failures lately, answer 429). */
    public boolean allows(String address) {
        Bucket b = buckets.get(address);
        return b == null || b.available(burst, refillMillis) >= 1;
    }

    /** Counts one failure of this address. */
    public void failed(String address) {
        if (buckets.size() > MAX_ADDRESSES) {
            buckets.clear();
        }
        buckets.computeIfAbsent(address, a -> new Bucket(burst)).take(burst, refillMillis);
    }

    private static final class Bucket {
        private double permits;
        private long last = System.currentTimeMillis();

        Bucket(int burst) {
            permits = burst;
        }

        synchronized double available(int burst, long refillMillis) {
            refill(burst, refillMillis);
            return permits;
        }

        synchronized void take(int burst, long refillMillis) {
            refill(burst, refillMillis);
            permits = Math.max(0, permits - 1);
        }

        private void refill(int burst, long refillMillis) {
            long now = System.currentTimeMillis();
            permits = Math.min(burst, permits + (now - last) / (double) refillMillis);
            last = now;
        }
    }
}
