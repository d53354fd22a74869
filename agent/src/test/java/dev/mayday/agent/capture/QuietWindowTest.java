package dev.mayday.agent.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class QuietWindowTest {

    @Test
    void sameSignatureIsHeldBackWithinTheWindowAndCountedInTheNextReport() {
        QuietWindow quiet = new QuietWindow(600);
        assertEquals(0, quiet.admit("a", 0));
        assertEquals(-1, quiet.admit("a", 1_000));
        assertEquals(-1, quiet.admit("a", 2_000));
        assertEquals(0, quiet.admit("b", 2_000), "another signature is not held back");
        assertEquals(2, quiet.admit("a", 601_000), "after the window: written, with the 2 held back");
        assertEquals(-1, quiet.admit("a", 602_000));
    }

    @Test
    void zeroMeansEveryOccurrenceIsWritten() {
        QuietWindow quiet = new QuietWindow(0);
        assertEquals(0, quiet.admit("a", 0));
        assertEquals(0, quiet.admit("a", 0));
    }

    @Test
    void theFirstHoldBackOfASignatureIsAnnouncedOnceAndWhatNoReportCarriedIsDrained() {
        QuietWindow quiet = new QuietWindow(600);
        quiet.admit("a", 0);
        org.junit.jupiter.api.Assertions.assertFalse(quiet.firstHoldBack("b"), "never seen: nothing to announce");
        assertEquals(-1, quiet.admit("a", 1));
        org.junit.jupiter.api.Assertions.assertTrue(quiet.firstHoldBack("a"));
        assertEquals(-1, quiet.admit("a", 2));
        org.junit.jupiter.api.Assertions.assertFalse(quiet.firstHoldBack("a"), "once per signature");
        assertEquals(java.util.Map.of("a", 2L), quiet.drain());
        assertEquals(java.util.Map.of(), quiet.drain(), "drained counts are not written twice");
        assertEquals(0, quiet.admit("a", 700_000), "and no later report carries them again");
        assertEquals(-1, quiet.admit("a", 700_001));
        org.junit.jupiter.api.Assertions.assertFalse(quiet.firstHoldBack("a"), "still once per JVM");
    }
}
