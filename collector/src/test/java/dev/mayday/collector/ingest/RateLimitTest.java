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
}
