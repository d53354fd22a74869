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
}
