package dev.mayday.collector.ingest;

import dev.mayday.collector.support.Reports;
import dev.mayday.collector.support.RunningCollector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile input: random bytes, every kind of truncation of a real report, flipped bytes,
 * deep nesting. Every answer must be a 2xx or a 4xx with a JSON reason, never a 5xx, and only
 * 2xx answers may be stored.
 */
class FuzzIngestTest {

    @Test
    void randomAndTruncatedBodiesNeverBreakTheCollector(@TempDir Path dir) throws Exception {
        Random random = new Random(20261126);
        byte[] sample = Reports.sample("fuzz-base", "sig-fuzz", null).toString().getBytes(StandardCharsets.UTF_8);
        try (RunningCollector c = RunningCollector.start(dir)) {
            int created = 0;
            for (int i = 0; i < 150; i++) {
                byte[] body = new byte[random.nextInt(2000)];
                random.nextBytes(body);
                created += check(c, body, random.nextBoolean());
            }
            for (int i = 0; i < 150; i++) {
                int cut = random.nextInt(sample.length);
                created += check(c, java.util.Arrays.copyOf(sample, cut), false);
            }
            for (int i = 0; i < 150; i++) {
                byte[] body = sample.clone();
                for (int k = 0; k < 1 + random.nextInt(4); k++) {
                    body[random.nextInt(body.length)] = (byte) random.nextInt(256);
                }
                String text = new String(body, StandardCharsets.ISO_8859_1).replace("fuzz-base", "fuzz-" + i);
                created += check(c, text.getBytes(StandardCharsets.ISO_8859_1), false);
            }
            byte[] gz = RunningCollector.gzip(sample);
            for (int i = 0; i < 50; i++) {
                created += check(c, java.util.Arrays.copyOf(gz, random.nextInt(gz.length)), true);
            }
            created += check(c, "[".repeat(200_000).getBytes(StandardCharsets.UTF_8), false);
            created += check(c, ("{\"a\":".repeat(100_000)).getBytes(StandardCharsets.UTF_8), false);
            created += check(c, new byte[]{(byte) 0xC3, (byte) 0x28}, false);

            assertEquals(201, c.post(Reports.minimal("fuzz-alive", "sig-alive")).statusCode());
            assertEquals(created + 1, c.collector.store().reportCount(), "only accepted reports were stored");
        }
    }

    private static int check(RunningCollector c, byte[] body, boolean gzip) throws Exception {
        HttpResponse<String> r = c.post(body, gzip, RunningCollector.TOKEN);
        int s = r.statusCode();
        assertTrue(s == 201 || s == 200 || s == 400 || s == 413, "status " + s + ": " + r.body());
        if (s >= 400) {
            assertTrue(r.body().startsWith("{\"error\":"), r.body());
        }
        return s == 201 ? 1 : 0;
    }
}
