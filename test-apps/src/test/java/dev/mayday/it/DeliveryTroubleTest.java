package dev.mayday.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Delivery against collectors that misbehave: one that answers a byte a second, an outbox
 * another process holds, a collector that fails one report with 5xx, a WebSocket handshake that
 * never completes. Each ends in bounded time with one line, and no report waits behind another.
 */
class DeliveryTroubleTest {

    @TempDir
    Path home;

    private static String sendTo(String url) {
        return "consent=always,send=" + url + ",token=" + Collector.TOKEN;
    }

    /** One real report in {@code outbox}, written by a crash with nowhere to send it. */
    private Path oneReport(Jdk jdk, Path outbox) throws Exception {
        ChildJvm.Result crash = new ChildJvm(jdk, home).agentArgs("outbox=" + outbox + ",mainLoop=demo.Game#tick")
                .run("demo.Game");
        assertEquals(70, crash.exitCode, crash.toString());
        return crash.reportFiles().get(0);
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void aCollectorAnsweringAByteASecondIsCutAtTheDeadline(Jdk jdk) throws Exception {
        Path outbox = home.resolve("outbox");
        Path report = oneReport(jdk, outbox);
        try (SlowServers slow = SlowServers.trickling()) {
            String url = "http://127.0.0.1:" + slow.port() + "/api/reports";
            long start = System.nanoTime();
            ChildJvm.Result send = new ChildJvm(jdk, home).timeout(120).runAgentJar("send", "outbox=" + outbox, "send=" + url);
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;

            assertEquals(1, send.exitCode, send.toString());
            assertTrue(seconds < 75, "send gave up after " + seconds + " s");
            assertTrue(send.stderr.contains("no complete answer from 127.0.0.1:" + slow.port() + " within 30 s"),
                    send.toString());
            assertEquals(1, send.stderr.lines().count(), send.toString());
            assertTrue(Files.exists(report), "the report stays");
        }
        // The outbox lock went with it: the next delivery goes.
        try (Collector collector = Collector.start(home.resolve("collector"))) {
            ChildJvm.Result again = new ChildJvm(jdk, home).runAgentJar("send", "outbox=" + outbox,
                    "send=" + collector.httpUrl(), "token=" + Collector.TOKEN);
            assertEquals(0, again.exitCode, again.toString());
            assertEquals(1, collector.reportCount());
        }
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void anOutboxHeldByAnotherProcessIsDeliveredOnceFreeOrSaidSo(Jdk jdk) throws Exception {
        try (Collector collector = Collector.start(home.resolve("collector"))) {
            Path outbox = Files.createDirectories(home.resolve("outbox"));
            // Held for the program's whole life: the program still ends, and says the report waits.
            try (FileChannel channel = FileChannel.open(outbox.resolve(".delivery.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock held = channel.lock()) {
                ChildJvm.Result run = new ChildJvm(jdk, home).agentArgs("mainLoop=demo.Game#tick," + sendTo(collector.httpUrl()))
                        .run("demo.Game");
                assertEquals(70, run.exitCode, run.toString());
                assertTrue(run.stderr.contains("mayday: delivery is taking longer than 5 s; the report stays in " + outbox),
                        run.toString());
                assertEquals(1, Outboxes.waiting(outbox).size(), run.toString());
                assertEquals(0, collector.reportCount());
            }
            Files.delete(Outboxes.waiting(outbox).get(0));

            // Freed a moment after the crash: the waiting program delivers its report before it ends.
            ChildJvm.Running running;
            try (FileChannel channel = FileChannel.open(outbox.resolve(".delivery.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock held = channel.lock()) {
                running = new ChildJvm(jdk, home).agentArgs("mainLoop=demo.Game#tick," + sendTo(collector.httpUrl()))
                        .start("demo.Game");
                long deadline = System.nanoTime() + 60_000_000_000L;
                while (!running.stderrSoFar().contains("crash report saved") && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                Thread.sleep(1000);
            }
            ChildJvm.Result run = running.await();
            assertEquals(70, run.exitCode, run.toString());
            assertEquals(1, collector.reportCount(), run.toString());
            assertEquals(List.of(), Outboxes.waiting(outbox), run.toString());
            assertEquals(1, Outboxes.sent(outbox).size());
        }
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void aReportTheCollectorFailsWith5xxDoesNotBlockTheOnesBehindIt(Jdk jdk) throws Exception {
        Path outbox = home.resolve("outbox");
        Path first = oneReport(jdk, outbox);
        JsonObject template = Outboxes.read(first);
        String badId = UUID.randomUUID().toString();
        // The bad one is the oldest, so every pass meets it first.
        Path bad = outbox.resolve("20000101-000000-" + badId + ".json");
        template.addProperty("id", badId);
        Files.writeString(bad, template.toString());
        for (int i = 0; i < 2; i++) {
            String id = UUID.randomUUID().toString();
            template.addProperty("id", id);
            Files.writeString(outbox.resolve("2000010" + (2 + i) + "-000000-" + id + ".json"), template.toString());
        }

        List<String> stored = Collections.synchronizedList(new ArrayList<>());
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/reports", exchange -> {
            String id;
            try (InputStream in = new GZIPInputStream(exchange.getRequestBody())) {
                id = JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject()
                        .get("id").getAsString();
            }
            int status = id.equals(badId) ? 503 : 201;
            if (status == 201) {
                stored.add(id);
            }
            byte[] body = (status == 201 ? "{\"id\":\"" + id + "\"}" : "{\"error\":\"storage failed\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/api/reports";
            ChildJvm.Result send = new ChildJvm(jdk, home).runAgentJar("send", "outbox=" + outbox, "send=" + url);

            assertEquals(1, send.exitCode, send.toString());
            assertEquals(3, stored.size(), "the three behind the bad one went: " + stored + "\n" + send);
            assertTrue(send.stdout.contains("sent 3 report(s)"), send.toString());
            assertTrue(send.stderr.contains(bad.getFileName() + " could not be delivered (" + url
                    + ": the collector answered HTTP 503"), send.toString());
            assertEquals(List.of(bad), Outboxes.waiting(outbox));
            assertEquals(3, Outboxes.sent(outbox).size());
        } finally {
            server.stop(0);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void aWebSocketHandshakeThatNeverCompletesIsNotCalledARefusedToken(Jdk jdk) throws Exception {
        Path outbox = home.resolve("outbox");
        Path report = oneReport(jdk, outbox);
        try (SlowServers silent = SlowServers.silent()) {
            String url = "ws://127.0.0.1:" + silent.port() + "/reports";
            ChildJvm.Result send = new ChildJvm(jdk, home).runAgentJar("send", "outbox=" + outbox, "send=" + url);
            assertEquals(1, send.exitCode, send.toString());
            assertTrue(send.stderr.contains("no answer from 127.0.0.1:" + silent.port()
                    + " in time (the WebSocket handshake did not complete"), send.toString());
            assertFalse(send.stderr.contains("check the token"), send.toString());
        }
        try (Collector collector = Collector.start(home.resolve("collector"))) {
            ChildJvm.Result wrong = new ChildJvm(jdk, home).runAgentJar("send", "outbox=" + outbox,
                    "send=" + collector.wsUrl(), "token=wrong");
            assertEquals(1, wrong.exitCode, wrong.toString());
            assertTrue(wrong.stderr.contains("refused the connection; check the token"), wrong.toString());
        }
        assertTrue(Files.exists(report), "the report stays");
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void manyFailuresAgainstABrokenCollectorSayItOnce(Jdk jdk) throws Exception {
        int closed = Collector.freePort();
        String url = "http://127.0.0.1:" + closed + "/api/reports";
        ChildJvm.Result run = new ChildJvm(jdk, home)
                .agentArgs("mainLoop=demo.FailingFrames#frame,onCrash=continue,quiet=0," + sendTo(url))
                .run("demo.FailingFrames", "20");

        assertEquals(0, run.exitCode, run.toString());
        assertTrue(run.stdout.contains("frames=20"), run.toString());
        long saved = run.stderr.lines().filter(l -> l.startsWith("mayday: ") && l.contains("crash report saved")).count();
        long cannot = run.stderr.lines().filter(l -> l.startsWith("mayday: cannot deliver to " + url)).count();
        assertTrue(saved >= 10, "one line per report written: " + run);
        assertEquals(1, cannot, "the broken collector is said once: " + run);
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void theSendCommandLeavesReportsRecordedWithConsentNever(Jdk jdk) throws Exception {
        try (Collector collector = Collector.start(home.resolve("collector"))) {
            Path outbox = home.resolve("outbox");
            ChildJvm.Result never = new ChildJvm(jdk, home)
                    .agentArgs("mainLoop=demo.Game#tick,consent=never,send=" + collector.httpUrl() + ",token=" + Collector.TOKEN)
                    .run("demo.Game");
            assertEquals(70, never.exitCode, never.toString());
            Path report = Outboxes.waiting(outbox).get(0);
            assertEquals("never", Outboxes.consentOf(report));

            ChildJvm.Result send = new ChildJvm(jdk, home).runAgentJar("send", "outbox=" + outbox,
                    "send=" + collector.httpUrl(), "token=" + Collector.TOKEN);
            assertEquals(0, send.exitCode, send.toString());
            assertTrue(send.stdout.contains("1 report(s) stay"), send.toString());
            assertEquals(0, collector.reportCount(), "consent=never: nothing leaves the machine");
            assertEquals(List.of(report), Outboxes.waiting(outbox));
        }
    }
}
