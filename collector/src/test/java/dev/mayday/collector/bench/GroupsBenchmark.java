package dev.mayday.collector.bench;

import dev.mayday.collector.Collector;
import dev.mayday.collector.config.CollectorOptions;
import dev.mayday.collector.ingest.Report;
import dev.mayday.collector.store.JdbcReportStore;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Budget: {@code GET /api/groups} answers in under 50 ms with 1,000,000 reports stored in 5,000
 * groups. Seeds an SQLite file straight through the store (batches of 10,000 small reports in
 * one transaction each; group sizes follow a long-tailed distribution like real crash data), keeps
 * it in {@code target/bench/} for the next run, then starts a collector on it and times the
 * dashboard's requests over HTTP from one keep-alive connection.
 *
 * <p>Run: {@code collector/bench/run.sh groups} (arguments: reports, groups).
 */
public final class GroupsBenchmark {

    private static final int VERSIONS = 6;
    private static final int MACHINES = 20_000;
    private static final int ROUNDS = 500;

    public static void main(String[] args) throws Exception {
        int reports = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int groups = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        Path db = Path.of("target", "bench", "groups-" + reports + "-" + groups + ".db");
        Files.createDirectories(db.getParent());
        seed(db, reports, groups);
        try (Collector c = Collector.start(CollectorOptions.forTest(db.toString(), "bench-ingest-key-0123456789"));
             RawHttpClient client = new RawHttpClient(c.port(), c.readToken())) {
            StringBuilder body = new StringBuilder();
            client.get("/api/groups?limit=1", body);
            String top = body.substring(body.indexOf("\"signature\":\"") + 13, body.indexOf("\",\"title\""));
            System.out.printf("groups benchmark: %,d reports in %,d groups, %d cores, Java %s%n", c.store().reportCount(),
                    groups, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
            time(client, "GET /api/groups (top 100)", "/api/groups");
            time(client, "GET /api/groups?limit=5000 (all)", "/api/groups?limit=5000");
            time(client, "GET /api/groups?version=3.0.2", "/api/groups?version=3.0.2");
            time(client, "GET /api/groups?app=acme-game&kind=uncaught", "/api/groups?app=acme-game&kind=uncaught");
            time(client, "GET /api/groups/{top group}", "/api/groups/" + top);
        }
    }

    private static void time(RawHttpClient client, String label, String path) throws Exception {
        for (int i = 0; i < 200; i++) {
            check(client.get(path, null), path);
        }
        long[] nanos = new long[ROUNDS];
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < ROUNDS; i++) {
            body.setLength(0);
            long t0 = System.nanoTime();
            check(client.get(path, body), path);
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        System.out.printf("  %-45s median %6.2f ms  p95 %6.2f ms  p99 %6.2f ms  max %6.2f ms  (%,d bytes)%n", label,
                nanos[ROUNDS / 2] / 1e6, nanos[ROUNDS * 95 / 100] / 1e6, nanos[ROUNDS * 99 / 100] / 1e6,
                nanos[ROUNDS - 1] / 1e6, body.length());
    }

    private static void check(int status, String path) {
        if (status != 200) {
            throw new IllegalStateException(path + " answered " + status);
        }
    }

    /** Seeds the file unless it already holds exactly this many reports. */
    static void seed(Path db, int reports, int groups) throws Exception {
        if (Files.exists(db)) {
            try (JdbcReportStore store = JdbcReportStore.open(db.toString())) {
                if (store.reportCount() == reports) {
                    System.out.println("reusing " + db);
                    return;
                }
            }
        }
        for (String suffix : new String[]{"", "-wal", "-shm"}) {
            Files.deleteIfExists(Path.of(db + suffix));
        }
        // Long tail: group k gets weight 1/(k+1)^0.9, so a few groups hold most reports.
        double[] cumulative = new double[groups];
        double sum = 0;
        for (int k = 0; k < groups; k++) {
            sum += 1 / Math.pow(k + 1, 0.9);
            cumulative[k] = sum;
        }
        Random random = new Random(42);
        long base = java.time.Instant.parse("2026-06-01T00:00:00Z").toEpochMilli();
        long start = System.nanoTime();
        try (JdbcReportStore store = JdbcReportStore.open(db.toString())) {
            List<Report> batch = new ArrayList<>(10_000);
            for (int i = 0; i < reports; i++) {
                // every group gets at least one report, so there really are `groups` groups
                int g = i < groups ? i : pick(cumulative, random.nextDouble() * sum);
                String id = String.format("seed-%08d", i);
                String sig = String.format("%016x", 0x5eed0000L + g);
                String version = "3.0." + Math.min(VERSIONS - 1, (int) ((long) i * VERSIONS / reports));
                String kind = g % 7 == 0 ? "hang" : "uncaught";
                String machine = "machine-" + random.nextInt(MACHINES);
                long time = base + (long) i * 15_000L;
                String title = "IllegalStateException in acme.game.Module" + g + ".run";
                String body = "{\"schema\":\"mayday/1\",\"id\":\"" + id + "\",\"time\":\"" + java.time.Instant.ofEpochMilli(time)
                        + "\",\"kind\":\"" + kind + "\",\"signature\":\"" + sig + "\",\"title\":\"" + title
                        + "\",\"app\":{\"name\":\"acme-game\",\"version\":\"" + version + "\"},\"system\":{\"machineId\":\""
                        + machine + "\"}}";
                batch.add(new Report(id, sig, title, kind, time, "acme-game", version, machine, null,
                        body.getBytes(StandardCharsets.UTF_8), null));
                if (batch.size() == 10_000) {
                    store.insert(batch);
                    batch.clear();
                    if ((i + 1) % 200_000 == 0) {
                        System.out.printf("  seeded %,d reports (%.0f s)%n", i + 1, (System.nanoTime() - start) / 1e9);
                    }
                }
            }
            if (!batch.isEmpty()) {
                store.insert(batch);
            }
        }
        System.out.printf("seeded %,d reports in %,d groups in %.0f s into %s%n", reports, groups,
                (System.nanoTime() - start) / 1e9, db);
    }

    private static int pick(double[] cumulative, double x) {
        int i = Arrays.binarySearch(cumulative, x);
        return Math.min(cumulative.length - 1, i >= 0 ? i : -i - 1);
    }
}
