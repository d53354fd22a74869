package dev.mayday.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Failures servers catch for you (kind {@code request}): a real embedded Jetty 12 and a real
 * embedded Tomcat, under the agent jar with no option at all, answer a handler's exception with
 * their own 500 and go on; Mayday writes one report with the handler's exception, the request's
 * method and path, and the log lines before it.
 */
class RequestFailureTest {

    @TempDir
    Path home;

    private ChildJvm server(Jdk jdk) {
        return ServerApps.child(jdk, home);
    }

    private static void assertRequestReport(JsonObject report, String server, String path) {
        assertEquals("request", report.get("kind").getAsString(), report.toString());
        JsonObject exception = report.getAsJsonObject("exception");
        assertEquals("java.lang.NullPointerException", exception.get("type").getAsString());
        JsonObject origin = report.getAsJsonObject("origin");
        assertEquals("GET " + path, origin.get("request").getAsString(), origin.toString());
        assertTrue(origin.get("server").getAsString().toLowerCase().contains(server), origin.toString());
        assertFalse(report.toString().contains("s3cret"), "the query string stays out of the report");
        boolean inHandler = false;
        for (JsonElement f : exception.getAsJsonArray("frames")) {
            inHandler |= f.getAsJsonObject().get("class").getAsString().startsWith("demo.servers.");
        }
        assertTrue(inHandler, "the handler's own frames are in the report: " + exception);
    }

    /** The stdout lines the server printed before the failure are in the report's logs. */
    private static void assertLogsHold(JsonObject report, String line) {
        JsonArray logs = report.getAsJsonArray("logs");
        for (JsonElement e : logs) {
            if (e.getAsJsonObject().get("message").getAsString().contains(line)) {
                return;
            }
        }
        throw new AssertionError("no log line with '" + line + "' in " + logs);
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void jettyHandlerFailureIsAnswered500AndReported(Jdk jdk) throws Exception {
        ChildJvm.Result run = server(jdk).run("demo.servers.JettyServer", "1");

        assertEquals(0, run.exitCode, run.toString());
        assertTrue(run.stdout.contains("GET /orders/42?token=s3cret: 500 x1"), run.toString());
        assertTrue(run.stdout.contains("then GET /ok: 200"), "the server goes on: " + run);
        assertTrue(run.stdout.contains("server stopped"), run.toString());
        // Jetty logs what it logged without Mayday: its WARN line, and nothing of Mayday's but the saved line.
        assertTrue(run.stdout.contains("writeError: status=500"), run.toString());
        JsonObject report = run.onlyReport();
        assertRequestReport(report, "jetty", "/orders/42");
        assertLogsHold(report, "handling GET /orders/42");
        assertEquals(0, report.get("repeats").getAsLong());
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void twoHundredFailingJettyRequestsWriteOneReportThenRepeats(Jdk jdk) throws Exception {
        twoHundredFailingRequestsWriteOneReportThenRepeats(jdk, "demo.servers.JettyServer");
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void tomcatServletFailureIsAnswered500AndReportedOnceThroughItsFilter(Jdk jdk) throws Exception {
        ChildJvm.Result run = server(jdk).run("demo.servers.TomcatServer", "1", "denied");

        assertEquals(0, run.exitCode, run.toString());
        assertTrue(run.stdout.contains("GET /orders/42?token=s3cret: 500 x1"), run.toString());
        assertTrue(run.stdout.contains("then GET /ok: 200"), "the server goes on: " + run);
        // The filter handled the servlet's SecurityException itself: no failure of the server's, no report.
        assertTrue(run.stdout.contains("GET /denied: 403"), run.toString());
        // Tomcat logs the failure as it does without Mayday.
        assertTrue(run.stderr.contains("Servlet.service() for servlet [orders]"), run.toString());
        JsonObject report = run.onlyReport();
        assertRequestReport(report, "tomcat", "/orders/42");
        assertLogsHold(report, "handling GET /orders/42");
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void twoHundredFailingTomcatRequestsWriteOneReportThenRepeats(Jdk jdk) throws Exception {
        twoHundredFailingRequestsWriteOneReportThenRepeats(jdk, "demo.servers.TomcatServer");
    }

    /**
     * 200 failing requests within the default quiet window: one report. Then with a window of
     * 4 s, 200 failing requests, a pause past the window and one more: every occurrence is either
     * a report or counted in the next report's {@code repeats} (how many reports depends on how
     * fast this machine answers 200 requests, so only the count is asserted).
     */
    private void twoHundredFailingRequestsWriteOneReportThenRepeats(Jdk jdk, String server) throws Exception {
        ChildJvm.Result flood = server(jdk).run(server, "200");
        assertEquals(0, flood.exitCode, flood.toString());
        assertTrue(flood.stdout.contains("GET /orders/42?token=s3cret: 500 x200"), flood.toString());
        assertTrue(flood.stdout.contains("then GET /ok: 200"), flood.toString());
        assertEquals(0, flood.onlyReport().get("repeats").getAsLong(), "200 requests, one report");

        java.nio.file.Files.createDirectories(home.resolve("windows"));
        ChildJvm.Result windows = ServerApps.child(jdk, home.resolve("windows")).agentArgs("quiet=4")
                .run(server, "200", "4500", "1");
        assertEquals(0, windows.exitCode, windows.toString());
        assertTrue(windows.stdout.contains("GET /orders/43: 500 x1"), windows.toString());
        assertTrue(windows.stdout.contains("again GET /ok: 200"), windows.toString());
        List<JsonObject> reports = windows.crashReports();
        long heldBackAtExit = windows.heldBackAtExit(); // quiet's repeats record (issue 8)
        assertTrue(reports.size() >= 2, "the request after the window is reported: " + windows);
        long occurrences = heldBackAtExit;
        for (JsonObject r : reports) {
            assertEquals(reports.get(0).get("signature").getAsString(), r.get("signature").getAsString());
            occurrences += 1 + r.get("repeats").getAsLong();
        }
        assertEquals(0, reports.get(0).get("repeats").getAsLong());
        assertTrue(reports.get(reports.size() - 1).get("repeats").getAsLong() > 0 || heldBackAtExit > 0,
                "the held back are counted");
        assertEquals(201, occurrences, "each failing request is a report or counted in repeats");
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void jettyServletsJakartaAndJavaxAreReportedWithTheContainersName(Jdk jdk) throws Exception {
        for (String ee : new String[] {"ee10", "ee8"}) {
            java.nio.file.Files.createDirectories(home.resolve(ee));
            ChildJvm.Result run = ServerApps.jettyServlets(jdk, home.resolve(ee))
                    .run("demo.servers.JettyServletServer", ee, "1");

            assertEquals(0, run.exitCode, ee + ": " + run);
            assertTrue(run.stdout.contains("GET /orders/42?token=s3cret: 500 x1"), ee + ": " + run);
            assertTrue(run.stdout.contains("then GET /ok: 200"), ee + ": " + run);
            JsonObject report = run.onlyReport();
            assertRequestReport(report, "jetty", "/orders/42");
            assertLogsHold(report, "handling GET /orders/42");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void nettyExceptionReachingThePipelineTailIsReported(Jdk jdk) throws Exception {
        ChildJvm.Result run = server(jdk).run("demo.servers.NettyServer");

        assertEquals(0, run.exitCode, run.toString());
        // Netty answers nothing and logs its WARN, as without Mayday; the server goes on.
        assertTrue(run.stdout.contains("GET /orders/42?token=s3cret: no answer"), run.toString());
        assertTrue(run.stdout.contains("reached at the tail of the pipeline"), run.toString());
        assertTrue(run.stdout.contains("then GET /ok: 200"), run.toString());
        JsonObject report = run.onlyReport();
        assertEquals("request", report.get("kind").getAsString());
        assertEquals("netty", report.getAsJsonObject("origin").get("server").getAsString());
        assertEquals("java.lang.NullPointerException", report.getAsJsonObject("exception").get("type").getAsString());
        assertLogsHold(report, "handling GET /orders/42");
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void withoutTheAgentTheServersAnswerTheSame(Jdk jdk) throws Exception {
        ChildJvm.Result jetty = server(jdk).withoutAgent().run("demo.servers.JettyServer", "2");
        assertEquals(0, jetty.exitCode, jetty.toString());
        assertTrue(jetty.stdout.contains("GET /orders/42?token=s3cret: 500 x2"), jetty.toString());
        assertTrue(jetty.stdout.contains("then GET /ok: 200"), jetty.toString());
        ChildJvm.Result tomcat = server(jdk).withoutAgent().run("demo.servers.TomcatServer", "2", "denied");
        assertEquals(0, tomcat.exitCode, tomcat.toString());
        assertTrue(tomcat.stdout.contains("GET /orders/42?token=s3cret: 500 x2"), tomcat.toString());
        assertTrue(tomcat.stdout.contains("GET /denied: 403"), tomcat.toString());
        ChildJvm.Result netty = server(jdk).withoutAgent().run("demo.servers.NettyServer");
        assertEquals(0, netty.exitCode, netty.toString());
        assertTrue(netty.stdout.contains("GET /orders/42?token=s3cret: no answer"), netty.toString());
        assertTrue(netty.stdout.contains("then GET /ok: 200"), netty.toString());
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void withConsentAlwaysTheRequestReportIsDelivered(Jdk jdk) throws Exception {
        try (Collector collector = Collector.start(home.resolve("collector"))) {
            ChildJvm.Result run = server(jdk)
                    .agentArgs("consent=always,send=" + collector.httpUrl() + ",token=" + Collector.TOKEN)
                    .run("demo.servers.TomcatServer", "1");

            assertEquals(0, run.exitCode, run.toString());
            assertEquals(1, Outboxes.awaitSent(run.outbox, 1, 30).size(), run.toString());
            List<String> ids = collector.reportIds();
            assertEquals(1, ids.size(), ids.toString());
            JsonObject stored = collector.report(ids.get(0));
            assertEquals("request", stored.get("kind").getAsString());
            assertEquals("always", stored.getAsJsonObject("user").get("consent").getAsString());
        }
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void underConsentAskOnATerminalTheServerIsNotAsked(Jdk jdk) throws Exception {
        try (Collector collector = Collector.start(home.resolve("collector"))) {
            ChildJvm.Result run = server(jdk).onTerminal("s\n\n\n")
                    .agentArgs("consent=ask,send=" + collector.httpUrl() + ",token=" + Collector.TOKEN)
                    .run("demo.servers.TomcatServer", "1");

            assertEquals(0, run.exitCode, run.toString());
            assertFalse(run.stdout.contains("has stopped working"), "no prompt: " + run);
            assertEquals(0, collector.reportCount());
            assertEquals("pending", Outboxes.consentOf(run.reportFiles().get(0)));
        }
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void aFailureTheHandlerCatchesAndLogsIsOneLoggedReport(Jdk jdk) throws Exception {
        ChildJvm.Result run = server(jdk).run("demo.servers.JettyServer", "0", "caught");

        assertEquals(0, run.exitCode, run.toString());
        assertTrue(run.stdout.contains("GET /caught: 500"), run.toString());
        JsonObject report = run.onlyReport();
        assertEquals("logged", report.get("kind").getAsString(), report.toString());
        assertEquals("java.lang.NullPointerException", report.getAsJsonObject("exception").get("type").getAsString());
        assertTrue(report.toString().contains("order failed for /caught"), "the log message is in the report");
    }
}
