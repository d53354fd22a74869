package dev.mayday.collector;

import dev.mayday.collector.support.CollectorJar;
import dev.mayday.collector.support.Postgres;
import dev.mayday.collector.support.Reports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonParser;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.mayday.collector.support.CollectorJar.INGEST;
import static dev.mayday.collector.support.CollectorJar.READ;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Two packaged collectors behind the same keys on one PostgreSQL, as a load balancer would spread agents. */
class PostgresJarIT {

    @Test
    void theSameReportPostedToBothAtOnceIsStoredOnce(@TempDir Path dir) throws Exception {
        try (Postgres pg = Postgres.freshSchema();
             CollectorJar a = CollectorJar.start(dir, "--db", pg.url);
             CollectorJar b = CollectorJar.start(dir, "--db", pg.url)) {
            int reports = 30;
            ExecutorService pool = Executors.newFixedThreadPool(2);
            int created = 0;
            int repeats = 0;
            for (int i = 0; i < reports; i++) {
                String body = Reports.sample("pg-jar-" + i, "sig-pg-jar", "1." + (i % 3)).toString();
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<Integer>> both = new ArrayList<>();
                for (CollectorJar c : List.of(a, b)) {
                    both.add(pool.submit(() -> {
                        together.await(10, TimeUnit.SECONDS);
                        HttpResponse<String> r = c.post("/api/reports", body, INGEST);
                        return r.statusCode();
                    }));
                }
                for (Future<Integer> f : both) {
                    int status = f.get(60, TimeUnit.SECONDS);
                    if (status == 201) {
                        created++;
                    } else if (status == 200) {
                        repeats++;
                    } else {
                        throw new AssertionError("status " + status);
                    }
                }
            }
            pool.shutdown();
            assertEquals(reports, created, "each report created once");
            assertEquals(reports, repeats, "and the other collector saw it was already there");
            for (CollectorJar c : List.of(a, b)) {
                String groups = c.get("/api/groups", READ).body();
                assertEquals(reports, JsonParser.parseString(groups).getAsJsonArray().get(0).getAsJsonObject().get("count").getAsInt(),
                        groups);
            }
        }
    }
}
