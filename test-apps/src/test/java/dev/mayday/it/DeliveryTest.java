package dev.mayday.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * From the outbox to a real collector (collector/target/mayday-collector.jar in a child process):
 * delivered and moved to {@code sent/}; kept when the collector is down and delivered once later;
 * exactly once when the program is killed in the middle of sending; nothing leaves without consent.
 */
class DeliveryTest {

    @TempDir
    Path home;

    private static String sendTo(String url) {
        return "consent=always,send=" + url + ",token=" + Collector.TOKEN;
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void reportIsDeliveredOverHttpAndMovedToSent(Jdk jdk) throws Exception {
        try (Collector collector = Collector.start(home.resolve("collector"))) {
            ChildJvm.Result run = new ChildJvm(jdk, home).agentArgs("mainLoop=demo.Game#tick," + sendTo(collector.httpUrl()))
                    .run("demo.Game");

            assertEquals(70, run.exitCode, run.toString());
            assertEquals(List.of(), Outboxes.waiting(run.outbox), run.toString());
            List<Path> sent = Outboxes.sent(run.outbox);
            assertEquals(1, sent.size(), run.toString());
            assertEquals(1, collector.groups().size());
            assertEquals(1, collector.reportCount());
            String id = Outboxes.read(sent.get(0)).get("id").getAsString();
            JsonObject stored = collector.report(id);
            assertNotNull(stored, "the collector has the report " + id);
            assertEquals("always", stored.getAsJsonObject("user").get("consent").getAsString());
            assertEquals("NullPointerException in demo.Game.tick", stored.get("title").getAsString());
        }
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void reportGoesToEveryDestinationWebSocketAndDirectory(Jdk jdk) throws Exception {
        Path copies = home.resolve("copies");
        try (Collector collector = Collector.start(home.resolve("collector"))) {
            // A worker's uncaught failure: the program goes on and ends by itself; delivery is in the background.
            ChildJvm.Result run = new ChildJvm(jdk, home)
                    .agentArgs(sendTo(collector.wsUrl()) + ",send=file:" + copies)
                    .run("demo.CrashThenWait", "3");

            assertEquals(0, run.exitCode, run.toString());
            assertEquals(1, Outboxes.sent(run.outbox).size(), run.toString());
            assertEquals(1, collector.reportCount(), collector.log());
            Path sent = Outboxes.sent(run.outbox).get(0);
            Path copy = copies.resolve(sent.getFileName());
            assertTrue(Files.exists(copy), "file: destination has " + sent.getFileName());
            assertEquals(Files.readString(sent), Files.readString(copy));
        }
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void collectorDownKeepsTheReportAndTheSendCommandDeliversItOnce(Jdk jdk) throws Exception {
        try (Collector collector = Collector.prepare(home.resolve("collector"))) {
            long start = System.nanoTime();
            ChildJvm.Result run = new ChildJvm(jdk, home).agentArgs("mainLoop=demo.Game#tick," + sendTo(collector.httpUrl()))
                    .run("demo.Game");
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;

            assertEquals(70, run.exitCode, run.toString());
            assertTrue(seconds < 20, "the program still ends promptly, took " + seconds + " s");
            assertTrue(run.stderr.contains("cannot deliver to " + collector.httpUrl() + ": cannot reach 127.0.0.1:"
                    + collector.port), run.toString());
            List<Path> waiting = Outboxes.waiting(run.outbox);
            assertEquals(1, waiting.size(), run.toString());
            assertEquals(List.of(), Outboxes.sent(run.outbox));

            collector.up();
            String[] send = {"send", "outbox=" + run.outbox, "send=" + collector.httpUrl(), "token=" + Collector.TOKEN};
            ChildJvm.Result first = new ChildJvm(jdk, home).runAgentJar(send);
            assertEquals(0, first.exitCode, first.toString());
            assertTrue(first.stdout.contains("sent 1 report(s) to " + collector.httpUrl()), first.toString());
            assertEquals(1, collector.reportCount());
            assertEquals(List.of(), Outboxes.waiting(run.outbox));
            // The owner chose consent=always when the report was written.
            assertEquals("always", Outboxes.consentOf(Outboxes.sent(run.outbox).get(0)));

            ChildJvm.Result again = new ChildJvm(jdk, home).runAgentJar(send);
            assertEquals(0, again.exitCode, again.toString());
            assertTrue(again.stdout.contains("nothing waiting in " + run.outbox), again.toString());
            assertEquals(1, collector.reportCount());
        }
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void killedInTheMiddleOfSendingTheNextStartDeliversItExactlyOnce(Jdk jdk) throws Exception {
        try (Collector collector = Collector.start(home.resolve("collector"))) {
            ChildJvm.Running[] program = new ChildJvm.Running[1];
            try (KillingProxy proxy = new KillingProxy(collector.port, () -> program[0].process.destroyForcibly())) {
                String viaProxy = "http://127.0.0.1:" + proxy.port() + "/api/reports";
                program[0] = new ChildJvm(jdk, home).agentArgs("app=Worker," + sendTo(viaProxy))
                        .start("demo.CrashThenWait", "60");
                assertTrue(proxy.awaitAnswer(30), "the program sent its report through the proxy: "
                        + program[0].stderrSoFar());
                ChildJvm.Result killed = program[0].await();
                assertEquals(137, killed.exitCode, killed.toString()); // SIGKILL
                // The collector stored it, the program never heard so: still waiting.
                assertEquals(1, collector.reportCount());
                assertEquals(1, Outboxes.waiting(killed.outbox).size(), killed.toString());
            }

            // The next start of the program (here: one that does not crash) delivers what waits, in the background.
            ChildJvm.Running next = new ChildJvm(jdk, home).agentArgs("app=Worker," + sendTo(collector.httpUrl()))
                    .start("demo.Idle", "60");
            List<Path> sent = Outboxes.awaitSent(home.resolve("outbox"), 1, 30);
            next.process.destroy();
            next.await();
            assertEquals(1, sent.size(), "delivered at the next start: " + next.stderrSoFar());
            assertEquals(List.of(), Outboxes.waiting(home.resolve("outbox")));
            assertEquals(1, collector.reportCount(), "exactly once");
            assertEquals(1, collector.reportIds().size());
        }
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void consentNeverAndAskWithNobodyToAskSendNothing(Jdk jdk) throws Exception {
        try (Collector collector = Collector.start(home.resolve("collector"))) {
            // One application (app=Game) throughout, so that the later start would deliver its reports if it could.
            String send = ",app=Game,send=" + collector.httpUrl() + ",token=" + Collector.TOKEN;
            ChildJvm.Result never = new ChildJvm(jdk, home).agentArgs("mainLoop=demo.Game#tick,consent=never" + send)
                    .run("demo.Game");
            assertEquals(70, never.exitCode, never.toString());
            assertEquals("never", Outboxes.consentOf(Outboxes.waiting(never.outbox).get(0)));

            // consent=ask (the default) with no display (none given) and no console (stdin is a pipe).
            long start = System.nanoTime();
            ChildJvm.Result ask = new ChildJvm(jdk, home).agentArgs("mainLoop=demo.Game#tick" + send).run("demo.Game");
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
            assertEquals(70, ask.exitCode, ask.toString());
            assertTrue(seconds < 20, "never held waiting, took " + seconds + " s");
            assertTrue(ask.stderr.contains("nobody to ask whether to send the crash report (no display, no console); "
                    + "it stays unsent in " + ask.outbox), ask.toString());

            List<Path> waiting = Outboxes.waiting(ask.outbox);
            assertEquals(2, waiting.size());
            assertTrue(waiting.stream().anyMatch(p -> consent(p).equals("unasked")), waiting.toString());
            // A later start delivers only what the person (or the owner, with consent=always) let go.
            ChildJvm.Running later = new ChildJvm(jdk, home).agentArgs("debug=true" + send).start("demo.Idle", "3");
            ChildJvm.Result after = later.await();
            assertEquals(0, after.exitCode, after.toString());
            assertEquals(0, collector.reportCount(), "nothing left the machine");
            assertEquals(2, Outboxes.waiting(ask.outbox).size());
        }
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void badReportIsRejectedWithItsReasonAndWrongTokenOrTlsFailureKeepIt(Jdk jdk) throws Exception {
        try (Collector collector = Collector.start(home.resolve("collector"))) {
            Path outbox = home.resolve("outbox");
            Files.createDirectories(outbox);
            Path bad = outbox.resolve("20260101-000000-00000000-0000-4000-8000-00000000ba0d.json");
            Files.writeString(bad, "{\"schema\":\"mayday/1\",\"id\":\"00000000-0000-4000-8000-00000000ba0d\",\"user\":{\"consent\":\"always\"}}",
                    StandardCharsets.UTF_8);

            ChildJvm.Result wrongToken = new ChildJvm(jdk, home).runAgentJar("send", "outbox=" + outbox, "send=" + collector.httpUrl(),
                    "token=wrong");
            assertEquals(1, wrongToken.exitCode, wrongToken.toString());
            assertEquals(1, wrongToken.stderr.lines().count(), wrongToken.toString());
            assertTrue(wrongToken.stderr.contains("the collector refused the token (HTTP 401"), wrongToken.toString());
            assertTrue(Files.exists(bad), "kept");

            try (UntrustedTlsServer untrusted = new UntrustedTlsServer(home)) {
                String https = "https://127.0.0.1:" + untrusted.port() + "/api/reports";
                ChildJvm.Result tls = new ChildJvm(jdk, home).runAgentJar("send", "outbox=" + outbox, "send=" + https,
                        "token=" + Collector.TOKEN);
                assertEquals(1, tls.exitCode, tls.toString());
                assertEquals(1, tls.stderr.lines().count(), tls.toString());
                assertTrue(tls.stderr.contains("cannot deliver to " + https + ": TLS failed with 127.0.0.1:"), tls.toString());
                assertTrue(Files.exists(bad), "kept");
            }

            ChildJvm.Result refused = new ChildJvm(jdk, home).runAgentJar("send", "outbox=" + outbox, "send=" + collector.httpUrl(),
                    "token=" + Collector.TOKEN);
            assertEquals(0, refused.exitCode, refused.toString());
            assertFalse(Files.exists(bad), "not retried for ever");
            List<Path> rejected = Outboxes.rejected(outbox);
            assertEquals(1, rejected.size(), refused.toString());
            String reason = Files.readString(rejected.get(0).resolveSibling(rejected.get(0).getFileName() + ".reason.txt"));
            assertTrue(reason.contains("HTTP 400"), reason);
            assertEquals(0, collector.reportCount());
        }
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void anOutboxSharedWithAnotherProgramSendsOnlyThisProgramsReports(Jdk jdk) throws Exception {
        try (Collector collector = Collector.start(home.resolve("collector"))) {
            // Another program on this machine, sending nowhere (yet), left its report in the shared outbox.
            new ChildJvm(jdk, home).agentArgs("app=Editor,mainLoop=demo.Game#tick,consent=always").run("demo.Game");

            ChildJvm.Result run = new ChildJvm(jdk, home)
                    .agentArgs("app=Game,mainLoop=demo.Game#tick," + sendTo(collector.httpUrl())).run("demo.Game");
            assertEquals(70, run.exitCode, run.toString());
            assertEquals(1, collector.reportCount(), "only the Game's report went to the Game's collector");
            assertEquals("Game", collector.groups().get(0).getAsJsonObject().get("app").getAsString());
            List<Path> waiting = Outboxes.waiting(run.outbox);
            assertEquals(1, waiting.size());
            assertEquals("Editor", Outboxes.read(waiting.get(0)).getAsJsonObject("app").get("name").getAsString());

            // A person may send it on purpose.
            ChildJvm.Result send = new ChildJvm(jdk, home).runAgentJar("send", "outbox=" + run.outbox, "app=Editor",
                    "send=" + collector.httpUrl(), "token=" + Collector.TOKEN);
            assertEquals(0, send.exitCode, send.toString());
            assertEquals(2, collector.reportCount());
        }
    }

    private static String consent(Path report) {
        try {
            return Outboxes.consentOf(report);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
