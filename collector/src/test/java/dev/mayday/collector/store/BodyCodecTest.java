package dev.mayday.collector.store;

import dev.mayday.collector.support.Reports;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BodyCodecTest {

    @Test
    void aReportShrinksAndComesBackByteForByte() {
        byte[] json = Reports.sampleText().getBytes(StandardCharsets.UTF_8);
        byte[] stored = BodyCodec.encode(json);
        assertTrue(stored.length * 4 < json.length, "stored " + stored.length + " of " + json.length);
        assertArrayEquals(json, BodyCodec.decode(stored));
    }

    @Test
    void incompressibleBodiesAreKeptPlainAndPlainBodiesReadAsTheyAre() {
        byte[] noise = new byte[4096];
        new Random(1).nextBytes(noise);
        noise[0] = '{';
        assertSame(noise, BodyCodec.encode(noise));
        byte[] plain = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        assertSame(plain, BodyCodec.decode(plain));
    }

    @Test
    void aDamagedStoredBodyIsAClearError() {
        byte[] stored = BodyCodec.encode(Reports.sampleText().getBytes(StandardCharsets.UTF_8));
        byte[] cut = java.util.Arrays.copyOf(stored, stored.length / 2);
        assertThrows(IllegalStateException.class, () -> BodyCodec.decode(cut));
    }
}
