package dev.mayday.collector.ingest;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateLimiterTest {

    @Test
    void aBurstOfOneSecondThenRefusalThenRefill() throws Exception {
        RateLimiter limiter = new RateLimiter(10);
        for (int i = 0; i < 10; i++) {
            assertTrue(limiter.tryAcquire("t"), "permit " + i);
        }
        assertFalse(limiter.tryAcquire("t"));
        assertTrue(limiter.tryAcquire("another token"), "each token has its own bucket");
        Thread.sleep(250);
        assertTrue(limiter.tryAcquire("t"), "refilled at 10 a second");
    }

    @Test
    void zeroMeansNoLimit() {
        RateLimiter limiter = new RateLimiter(0);
        for (int i = 0; i < 100_000; i++) {
            assertTrue(limiter.tryAcquire("t"));
        }
    }
}
