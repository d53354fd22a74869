package dev.mayday.agent.report;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Report ids: random (version 4) UUIDs. Not {@code UUID.randomUUID()}: its {@code SecureRandom}
 * loads the security provider framework on the first report (tens of milliseconds) inside a
 * static initialiser of the JDK's, which an OutOfMemoryError at that moment would leave broken
 * for the rest of the program. An id only has to be unique, not unguessable: 122 random bits from
 * {@link ThreadLocalRandom}, mixed with this process's own salt so that two JVMs started in the
 * same nanosecond still differ.
 */
public final class RandomIds {

    private static final long SALT = mix(ProcessId.current() * 0x9E3779B97F4A7C15L ^ System.nanoTime()
            ^ System.identityHashCode(new Object()));

    private RandomIds() {
    }

    public static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = random.nextLong() ^ SALT;
        long low = random.nextLong() ^ Long.rotateLeft(SALT, 29);
        high = (high & ~0xF000L) | 0x4000L; // version 4
        low = (low & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
        return new UUID(high, low).toString();
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
