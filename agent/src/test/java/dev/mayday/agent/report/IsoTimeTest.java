package dev.mayday.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IsoTimeTest {

    @Test
    void agreesWithInstantForWholeMilliseconds() {
        long[] fixed = {0L, 1L, 999L, 1000L, 951_782_400_000L /* 2000-02-29 */, 1_764_142_455_994L, 253_402_300_799_999L,
                        -1L, -86_400_000L};
        for (long t : fixed) {
            assertEquals(expected(t), IsoTime.format(t), "at " + t);
        }
        Random random = new Random(42);
        for (int i = 0; i < 100_000; i++) {
            long t = (long) (random.nextDouble() * 4_102_444_800_000L); // 1970 .. 2100
            assertEquals(expected(t), IsoTime.format(t), "at " + t);
        }
    }

    @Test
    void fileStampAgreesWithDateTimeFormatter() {
        java.time.format.DateTimeFormatter formatter = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .withZone(java.time.ZoneOffset.UTC);
        long[] fixed = {0L, 999L, 951_782_400_000L, 253_402_300_799_999L, 253_402_300_800_000L /* year 10000 */, -1L};
        for (long t : fixed) {
            assertEquals(formatter.format(Instant.ofEpochMilli(t)), IsoTime.fileStamp(t), "at " + t);
        }
        Random random = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            long t = (long) (random.nextDouble() * 4_102_444_800_000L);
            assertEquals(formatter.format(Instant.ofEpochMilli(t)), IsoTime.fileStamp(t), "at " + t);
        }
    }

    /** Instant.toString drops a zero millisecond part; reports always carry three digits. */
    private static String expected(long t) {
        String s = Instant.ofEpochMilli(t).toString();
        return s.length() == 20 ? s.substring(0, 19) + ".000Z" : s;
    }
}
