package dev.mayday.collector.ingest;

import dev.mayday.collector.config.CollectorOptions;
import dev.mayday.collector.support.Reports;
import dev.mayday.collector.support.RunningCollector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateLimitTest {

    @Test
    void overTheRateIs429AndNotStored(@TempDir Path dir) throws Exception {
        try (RunningCollector c = RunningCollector.start(
                CollectorOptions.forTest(dir.resolve("m.db").toString(), RunningCollector.TOKEN).withRateLimit(5))) {
            int created = 0;
            int limited = 0;
            for (int i = 0; i < 20; i++) {
                HttpResponse<String> r = c.post(Reports.minimal("rate-" + i, "sig-rate"));
                if (r.statusCode() == 201) {
                    created++;
                } else {
                    assertEquals(429, r.statusCode(), r.body());
                    assertEquals("1", r.headers().firstValue("Retry-After").orElse(null));
                    limited++;
                }
            }
            assertTrue(limited >= 10, "most of a burst of 20 over a limit of 5/s is refused: " + limited);
            assertEquals(created, c.count("sig-rate"));
            Thread.sleep(1100);
            assertEquals(201, c.post(Reports.minimal("rate-later", "sig-rate")).statusCode());
        }
    }

    @Test
    void refusedAndInvalidBodiesSpendNoPermitsOfTheRealAgents(@TempDir Path dir) throws Exception {
        String gameKey = "game-only-key-0123456789";
        CollectorOptions options = CollectorOptions.forTest(dir.resolve("m.db").toString(), RunningCollector.TOKEN)
                .withRateLimit(5);
        java.util.List<CollectorOptions.IngestKeySpec> keys = new java.util.ArrayList<>(options.ingestKeys());
        keys.add(new CollectorOptions.IngestKeySpec("acme-game", gameKey));
        try (RunningCollector c = RunningCollector.start(options.withIngestKeys(keys))) {
            for (int i = 0; i < 30; i++) {
                assertEquals(400, c.post("{\"not\":\"a report\"}").statusCode(), "garbage with the key: 400, never 429");
                if (i < 10) { // (more would throttle this address: wrong keys count per address)
                    assertEquals(401, c.post("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8), false,
                            "wrong-key-" + i + "-0123456789").statusCode());
                }
                byte[] other = Reports.of("other-" + i, "sig-other", "acme-office", "1", "m", null).toString()
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                assertEquals(403, c.post(other, false, gameKey).statusCode(), "another app's report with the game's key");
            }
            for (int i = 0; i < 5; i++) {
                assertEquals(201, c.post(Reports.minimal("real-" + i, "sig-real")).statusCode(),
                        "the key's real agents still have their whole burst");
                byte[] game = Reports.of("game-" + i, "sig-game", "acme-game", "1", "m", null).toString()
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                assertEquals(201, c.post(game, false, gameKey).statusCode(), "and so do the game's");
            }
        }
    }
}
