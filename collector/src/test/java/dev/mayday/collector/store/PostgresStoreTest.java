package dev.mayday.collector.store;

import com.google.gson.JsonObject;
import dev.mayday.collector.config.CollectorOptions;
import dev.mayday.collector.support.Postgres;
import dev.mayday.collector.support.Reports;
import dev.mayday.collector.support.RunningCollector;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Several collectors on one real PostgreSQL: what one stores, all show, and counts stay exact. */
class PostgresStoreTest {

    @Test
    void aCollectorReconnectsWhenTheDatabaseDropsItsConnections() throws Exception {
        try (Postgres pg = Postgres.freshSchema();
             RunningCollector c = RunningCollector.start(CollectorOptions.forTest(pg.url, RunningCollector.TOKEN))) {
            assertEquals(201, c.post(Reports.minimal("drop-1", "sig-drop")).statusCode());
            int killed = pg.terminateOtherSessions();
            assertTrue(killed >= 2, "the collector's connections were dropped: " + killed);
            assertEquals(201, c.post(Reports.minimal("drop-2", "sig-drop")).statusCode(), "writes reconnect");
            assertEquals(2, c.count("sig-drop"), "reads reconnect");
            assertEquals(200, c.get("/api/reports/drop-1").statusCode());
        }
    }

    @Test
    void twoCollectorsShareOneDatabaseAndCountRight() throws Exception {
        try (Postgres pg = Postgres.freshSchema();
             RunningCollector a = RunningCollector.start(CollectorOptions.forTest(pg.url, RunningCollector.TOKEN));
             RunningCollector b = RunningCollector.start(CollectorOptions.forTest(pg.url, RunningCollector.TOKEN))) {

            String sample = Reports.sample("pg-sample", "sig-pg-sample", null).toString();
            assertEquals(201, a.post(sample).statusCode());
            HttpResponse<String> back = b.get("/api/reports/pg-sample");
            assertEquals(200, back.statusCode());
            assertEquals(sample, back.body(), "the report as sent, read through the other collector");
            assertEquals(200, b.post(sample).statusCode(), "the other collector knows the id too");

            int posters = 16;
            int perPoster = 40;
            ExecutorService pool = Executors.newFixedThreadPool(posters);
            AtomicInteger created = new AtomicInteger();
            List<Future<?>> futures = new ArrayList<>();
            for (int p = 0; p < posters; p++) {
                int poster = p;
                RunningCollector target = p % 2 == 0 ? a : b;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < perPoster; i++) {
                        // posters p and p+1 send the same ids, one to each collector
                        JsonObject r = Reports.of("pg-" + (poster / 2) + "-" + i, "sig-pg-" + (i % 5), "game",
                                "v" + (i % 2), "machine-" + poster / 2, null);
                        int s = target.post(r).statusCode();
                        if (s == 201) {
                            created.incrementAndGet();
                        } else if (s != 200) {
                            throw new AssertionError("status " + s);
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
            assertEquals(distinct, created.get(), "each id created exactly once across both collectors");
            for (int s = 0; s < 5; s++) {
                assertEquals(distinct / 5, a.count("sig-pg-" + s));
                assertEquals(distinct / 5, b.count("sig-pg-" + s));
                assertEquals(posters / 2, b.group("sig-pg-" + s).get("machines").getAsLong());
            }
            assertEquals(distinct + 1, a.collector.store().reportCount());
        }
    }
}
