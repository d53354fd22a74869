package dev.mayday.collector.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.mayday.collector.Collector;
import dev.mayday.collector.config.CollectorOptions;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Budget: at least 2,000 reports/s ingested into SQLite on 2 cores, with typical 30 KB reports.
 * Starts a collector on a fresh SQLite file and posts the realistic sample (trimmed to about
 * 30 KB, and again at its full size) from several keep-alive connections, every report with a
 * new id, spread over 200 signatures. Client and collector share the machine's cores.
 *
 * <p>Run: {@code collector/bench/run.sh ingest} (arguments: total reports, connections, and
 * optionally a {@code jdbc:postgresql://} URL to measure PostgreSQL instead).
 */
public final class IngestBenchmark {

    /** Fixed-width placeholders, so each request is the template with a few bytes patched. */
    private static final String ID_PLACEHOLDER = "I".repeat(32);
    private static final String SIG_PLACEHOLDER = "S".repeat(19);

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 30_000;
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        String sample;
        try (InputStream in = IngestBenchmark.class.getResourceAsStream("/sample-report.json")) {
            sample = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        System.out.printf("ingest benchmark: %d cores, Java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        if (args.length > 2) {
            runPostgres(args[2], trimTo(sample, 30 * 1024), total, connections);
            return;
        }
        run("~30 KB reports", trimTo(sample, 30 * 1024), total, connections);
        run("full sample", sample, total, connections);
        runWebSocket("~30 KB over WS", trimTo(sample, 30 * 1024), total, connections, 16);
    }

    /** The same over WebSocket: each connection keeps up to {@code window} reports unacknowledged. */
    static void runWebSocket(String label, String sample, int total, int connections, int window) throws Exception {
        Path dir = Files.createTempDirectory("mayday-bench");
        CollectorOptions options = CollectorOptions.forTest(dir.resolve("bench.db").toString(), "bench-ingest-key-0123456789").withRateLimit(0);
        JsonObject template = JsonParser.parseString(sample).getAsJsonObject();
        try (Collector collector = Collector.start(options)) {
            String url = "ws://127.0.0.1:" + collector.port() + "/reports";
            sendOverWebSocket(url, template, 3000, connections, window);
            long start = System.nanoTime();
            sendOverWebSocket(url, template, total, connections, window);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("  %-15s %6.1f KB/report: %,d reports in %.2f s = %,.0f reports/s over %d connections"
                            + " (window %d, stored %,d)%n", label, sample.length() / 1024.0, total, seconds, total / seconds,
                    connections, window, collector.store().reportCount());
        }
        deleteTree(dir);
    }

    private static void sendOverWebSocket(String url, JsonObject template, int total, int connections, int window)
            throws Exception {
        AtomicInteger next = new AtomicInteger();
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(total);
        List<org.java_websocket.client.WebSocketClient> clients = new ArrayList<>();
        long runId = System.nanoTime();
        for (int c = 0; c < connections; c++) {
            java.util.concurrent.Semaphore credits = new java.util.concurrent.Semaphore(window);
            org.java_websocket.client.WebSocketClient client = new org.java_websocket.client.WebSocketClient(
                    java.net.URI.create(url), java.util.Map.of("Authorization", "Bearer bench-ingest-key-0123456789")) {
                @Override
                public void onOpen(org.java_websocket.handshake.ServerHandshake h) {
                }

                @Override
                public void onMessage(String message) {
                    if (!message.startsWith("{\"ack\"")) {
                        System.err.println("unexpected answer: " + message);
                    }
                    credits.release();
                    done.countDown();
                }

                @Override
                public void onClose(int code, String reason, boolean remote) {
                }

                @Override
                public void onError(Exception ex) {
                    ex.printStackTrace();
                }
            };
            client.connectBlocking();
            clients.add(client);
            Thread t = new Thread(() -> {
                // the same fixed-width patching as over HTTP, so the client costs little
                JsonObject copy = template.deepCopy();
                copy.addProperty("id", ID_PLACEHOLDER);
                copy.addProperty("signature", SIG_PLACEHOLDER);
                byte[] body = copy.toString().getBytes(StandardCharsets.UTF_8);
                int idAt = indexOf(body, ID_PLACEHOLDER);
                int sigAt = indexOf(body, SIG_PLACEHOLDER);
                boolean ascii = copy.toString().length() == body.length;
                int i;
                while ((i = next.getAndIncrement()) < total) {
                    try {
                        credits.acquire();
                    } catch (InterruptedException e) {
                        return;
                    }
                    byte[] id = String.format("%08x%024d", runId & 0xffffffffL, i).getBytes(StandardCharsets.US_ASCII);
                    byte[] sig = String.format("sig-%015d", i % 200).getBytes(StandardCharsets.US_ASCII);
                    System.arraycopy(id, 0, body, idAt, id.length);
                    System.arraycopy(sig, 0, body, sigAt, sig.length);
                    client.send(new String(body, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8));
                }
            }, "load-ws-" + c);
            t.start();
        }
        done.await();
        for (var client : clients) {
            client.closeBlocking();
        }
    }

    /** Drops the oldest log lines until the report is about {@code bytes} long. */
    static String trimTo(String sample, int bytes) {
        JsonObject r = JsonParser.parseString(sample).getAsJsonObject();
        JsonArray logs = r.getAsJsonArray("logs");
        while (r.toString().getBytes(StandardCharsets.UTF_8).length > bytes && logs.size() > 1) {
            logs.remove(0);
        }
        return r.toString();
    }

    /** The HTTP run against PostgreSQL, in a schema of its own that is dropped afterwards. */
    static void runPostgres(String url, String sample, int total, int connections) throws Exception {
        String schema = "mayday_bench_" + Long.toHexString(System.nanoTime());
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url); java.sql.Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        try {
            run("~30 KB, PostgreSQL", sample, total, connections, url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        } finally {
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(url); java.sql.Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    static void run(String label, String sample, int total, int connections) throws Exception {
        run(label, sample, total, connections, null);
    }

    static void run(String label, String sample, int total, int connections, String db) throws Exception {
        Path dir = Files.createTempDirectory("mayday-bench");
        CollectorOptions options = CollectorOptions.forTest(db != null ? db : dir.resolve("bench.db").toString(), "bench-ingest-key-0123456789")
                .withRateLimit(0);
        // The sample's id and signature are placeholders replaced per request, so each body is a cheap copy.
        JsonObject template = JsonParser.parseString(sample).getAsJsonObject();
        template.addProperty("id", ID_PLACEHOLDER);
        template.addProperty("signature", SIG_PLACEHOLDER);
        String text = template.toString();
        int size = text.getBytes(StandardCharsets.UTF_8).length;
        try (Collector collector = Collector.start(options)) {
            int port = collector.port();
            // warm-up: let the JIT compile the ingest path before measuring
            post(port, text, 3000, connections);
            AtomicLong latencyNanos = new AtomicLong();
            java.util.Map<String, Long> cpuBefore = cpuByThreadKind();
            long start = System.nanoTime();
            post(port, text, total, connections, latencyNanos);
            double seconds = (System.nanoTime() - start) / 1e9;
            java.util.Map<String, Long> cpuAfter = cpuByThreadKind();
            long stored = collector.store().reportCount();
            System.out.printf("  %-15s %6.1f KB/report: %,d reports in %.2f s = %,.0f reports/s over %d connections,"
                            + " mean latency %.1f ms (stored %,d)%n",
                    label, size / 1024.0, total, seconds, total / seconds, connections,
                    latencyNanos.get() / 1e6 / total, stored);
            StringBuilder cpu = new StringBuilder();
            for (var e : cpuAfter.entrySet()) {
                long used = e.getValue() - cpuBefore.getOrDefault(e.getKey(), 0L);
                cpu.append(String.format(" %s %.0f us", e.getKey(), used / 1e3 / total));
            }
            System.out.println("                  CPU per report by thread:" + cpu
                    + " (work in the database driver and the kernel on those threads included)");
        }
        deleteTree(dir);
    }

    private static void post(int port, String text, int total, int connections) throws Exception {
        post(port, text, total, connections, new AtomicLong());
    }

    private static void post(int port, String text, int total, int connections, AtomicLong latency)
            throws Exception {
        AtomicInteger next = new AtomicInteger();
        long runId = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int c = 0; c < connections; c++) {
            Thread t = new Thread(() -> {
                try (RawHttpClient client = new RawHttpClient(port, "bench-ingest-key-0123456789")) {
                    byte[] template = text.getBytes(StandardCharsets.UTF_8);
                    int idAt = indexOf(template, ID_PLACEHOLDER);
                    int sigAt = indexOf(template, SIG_PLACEHOLDER);
                    byte[] body = template.clone();
                    int i;
                    while ((i = next.getAndIncrement()) < total) {
                        byte[] id = String.format("%08x%024d", runId & 0xffffffffL, i).getBytes(StandardCharsets.US_ASCII);
                        byte[] sig = String.format("sig-%015d", i % 200).getBytes(StandardCharsets.US_ASCII);
                        System.arraycopy(id, 0, body, idAt, id.length);
                        System.arraycopy(sig, 0, body, sigAt, sig.length);
                        long t0 = System.nanoTime();
                        int status = client.post("/api/reports", body);
                        latency.addAndGet(System.nanoTime() - t0);
                        if (status != 201) {
                            throw new IllegalStateException("status " + status);
                        }
                    }
                } catch (Exception e) {
                    failures.add(e);
                }
            });
            t.setName("load-" + c);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("posting failed", failures.get(0));
        }
    }

    /** CPU time so far of the collector's threads (HTTP handlers, writer, dispatcher) and the load generator's. */
    private static java.util.Map<String, Long> cpuByThreadKind() {
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        java.util.Map<String, Long> sums = new java.util.TreeMap<>();
        for (long id : mx.getAllThreadIds()) {
            var info = mx.getThreadInfo(id);
            long t = mx.getThreadCpuTime(id);
            if (info == null || t < 0) {
                continue;
            }
            String name = info.getThreadName();
            String kind = name.startsWith("mayday-http") ? "http-handlers" : name.startsWith("mayday-writer") ? "writer"
                    : name.startsWith("HTTP-Dispatcher") ? "dispatcher" : null;
            if (kind != null) {
                sums.merge(kind, t, Long::sum);
            }
        }
        return sums;
    }

    private static int indexOf(byte[] haystack, String needle) {
        byte[] n = needle.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + n.length <= haystack.length; i++) {
            for (int k = 0; k < n.length; k++) {
                if (haystack[i + k] != n[k]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException(needle + " not in template");
    }

    static void deleteTree(Path dir) throws java.io.IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
