package dev.mayday.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class Sha256Test {

    @Test
    void agreesWithTheJdkAtEveryLengthAroundTheBlockBoundaries() throws Exception {
        Random random = new Random(7);
        for (int length = 0; length < 300; length++) {
            byte[] message = new byte[length];
            random.nextBytes(message);
            StringBuilder expected = new StringBuilder();
            for (byte b : MessageDigest.getInstance("SHA-256").digest(message)) {
                expected.append(String.format("%02x", b));
            }
            assertEquals(expected.toString(), Sha256.hex(message), "length " + length);
        }
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                Sha256.hex("abc".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void reportIdsAreVersionFourUuidsAndDiffer() {
        UUID a = UUID.fromString(RandomIds.next());
        UUID b = UUID.fromString(RandomIds.next());
        assertEquals(4, a.version());
        assertEquals(2, a.variant());
        assertNotEquals(a, b);
    }
}
