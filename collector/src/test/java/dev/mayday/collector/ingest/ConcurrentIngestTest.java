package dev.mayday.collector.ingest;

import dev.mayday.collector.support.Reports;
import dev.mayday.collector.support.RunningCollector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Many agents posting at once, with repeats: every count must come out exact. */
class ConcurrentIngestTest {

    @Test
    void countsStayRightWithManyParallelPosters(@TempDir Path dir) throws Exception {
        int posters = 24;
        int perPoster = 60;
        int signatures = 7;
        try (RunningCollector c = RunningCollector.start(dir)) {
            ExecutorService pool = Executors.newFixedThreadPool(posters);
            AtomicInteger created = new AtomicInteger();
            AtomicInteger repeated = new AtomicInteger();
            List<Future<?>> futures = new ArrayList<>();
            for (int p = 0; p < posters; p++) {
                int poster = p;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < perPoster; i++) {
                        // every report is sent by two posters: poster p and p^1 share ids
                        String id = "r-" + (poster / 2) + "-" + i;
                        String sig = "sig-" + (i % signatures);
                        int status = c.post(Reports.of(id, sig, "game", "1." + (i % 3), "machine-" + (poster / 2), null)).statusCode();
                        if (status == 201) {
                            created.incrementAndGet();
                        } else if (status == 200) {
                            repeated.incrementAndGet();
                        } else {
                            throw new AssertionError("status " + status);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            pool.shutdown();
            int distinct = posters / 2 * perPoster;
            assertEquals(distinct, created.get(), "each id created once");
            assertEquals(distinct, repeated.get(), "each repeat answered 200");
            long total = 0;
            for (int s = 0; s < signatures; s++) {
                long expected = 0;
                for (int i = 0; i < perPoster; i++) {
                    if (i % signatures == s) {
                        expected += posters / 2;
                    }
                }
                assertEquals(expected, c.count("sig-" + s), "sig-" + s);
                var g = c.group("sig-" + s);
                assertEquals(posters / 2, g.get("machines").getAsLong());
                long versionSum = 0;
                for (var v : g.getAsJsonArray("versions")) {
                    versionSum += v.getAsJsonObject().get("count").getAsLong();
                }
                assertEquals(expected, versionSum, "version counts add up");
                total += expected;
            }
            assertEquals(distinct, total);
            assertEquals(distinct, c.collector.store().reportCount());
        }
    }
}
