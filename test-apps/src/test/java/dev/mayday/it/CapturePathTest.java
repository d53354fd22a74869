package dev.mayday.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The capture path under pressure (issue 7, items 4, 5, 6, 8, 11, 13): memory squeezes, hostile
 * exceptions, bursts of failures, the JVM ending with reports on the way, outboxes that cannot be
 * written. Each test is one finding of the fault-injection review, reproduced.
 */
class CapturePathTest {

    @TempDir
    Path home;

    private static boolean isFull(JsonObject report) {
        return report.has("threads") && report.has("logs") && report.has("system") && report.has("app")
                && report.has("user");
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void aPassingMemorySqueezeLeavesReportingWorking(Jdk jdk) throws Exception {
        ChildJvm.Result run = new ChildJvm(jdk, home).jvmArg("-Xmx64m").agentArgs("quiet=0").timeout(120)
                .run("demo.MemorySqueeze");

        assertEquals(0, run.exitCode, run.toString());
        // Later failures are reported at once, not after a 10 s wait for a reporter that died.
        Matcher waited = Pattern.compile("late worker (\\d) ended after (\\d+) ms").matcher(run.stdout);
        int late = 0;
        while (waited.find()) {
            late++;
            assertTrue(Long.parseLong(waited.group(2)) < 8000, "waited " + waited.group(2) + " ms\n" + run);
        }
        assertEquals(2, late, run.toString());
        int lateReports = 0;
        for (JsonObject report : run.reports()) {
            String thread = report.has("thread") ? report.getAsJsonObject("thread").get("name").getAsString() : "";
            assertFalse(thread.startsWith("mayday-"), "Mayday reported its own thread: " + report);
            assertNotEquals("oom", report.get("kind").getAsString(), "the program's OutOfMemoryError was its own to catch");
            if (thread.startsWith("late-worker-")) {
                lateReports++;
                assertTrue(isFull(report), "a full report after the squeeze: " + report);
            }
        }
        assertEquals(2, lateReports, run.toString());
        assertFalse(run.stderr.contains("taking long"), run.stderr);
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void everyAccessorThrowingStillGivesAFullReport(Jdk jdk) throws Exception {
        ChildJvm.Result run = new ChildJvm(jdk, home).agentArgs("mainLoop=demo.HostileEverything#tick")
                .run("demo.HostileEverything");

        assertEquals(70, run.exitCode, run.toString());
        JsonObject report = run.onlyReport();
        assertTrue(isFull(report), report.toString());
        JsonObject exception = report.getAsJsonObject("exception");
        assertEquals("demo.HostileEverything$Nasty", exception.get("type").getAsString());
        assertTrue(exception.get("message").getAsString().contains("getMessage() threw"), exception.toString());
        assertTrue(exception.get("causeUnreadable").getAsBoolean(), exception.toString());
        assertTrue(report.toString().contains("about to fail in a hostile way"), "the logs are kept");
        assertEquals("demo.HostileEverything", report.getAsJsonObject("app").get("name").getAsString());
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void aBurstOfNinetyFailuresInABigJvmIsReportedWhole(Jdk jdk) throws Exception {
        ChildJvm.Result run = new ChildJvm(jdk, home).jvmArg("-Xss256k").agentArgs("quiet=0").timeout(240)
                .run("demo.Burst", "1600", "90");

        assertEquals(0, run.exitCode, run.toString());
        assertTrue(run.stdout.contains("all 90 ended"), run.toString());
        assertAllReported(run.reports(), 90, "burst-", run);
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void reportsQueuedWhenSigtermComesAreWritten(Jdk jdk) throws Exception {
        ChildJvm.Running running = new ChildJvm(jdk, home).jvmArg("-Xss256k").agentArgs("quiet=0").timeout(120)
                .start("demo.Burst", "400", "40", "wait");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!running.stderrSoFar().contains("all failed") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(running.stderrSoFar().contains("all failed"), running.stderrSoFar());
        running.process.destroy(); // SIGTERM, with most of the 40 reports still queued
        ChildJvm.Result run = running.await();

        assertEquals(143, run.exitCode, run.toString());
        assertAllReported(run.reports(), 40, "burst-", run);
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void daemonThreadsFailingAsMainReturnsAreReported(Jdk jdk) throws Exception {
        ChildJvm.Result run = new ChildJvm(jdk, home).agentArgs("quiet=0").run("demo.DaemonsAtExit", "80");

        assertEquals(0, run.exitCode, run.toString());
        assertAllReported(run.reports(), 80, "daemon-", run);
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void onCrashExitWithNoReportPrintsTheFailure(Jdk jdk) throws Exception {
        Path blocker = Files.writeString(home.resolve("not-a-directory"), "x");
        ChildJvm.Result run = new ChildJvm(jdk, home)
                .agentArgs("outbox=" + blocker.resolve("outbox") + ",mainLoop=demo.ContinueLoop#frame")
                .run("demo.ContinueLoop");

        assertEquals(70, run.exitCode, run.toString());
        assertTrue(run.stderr.contains("could not save the crash report"), run.stderr);
        assertTrue(run.stderr.contains("Exception in thread \"main\" java.lang.IllegalStateException: frame 1 failed"),
                run.stderr);
        assertTrue(run.stderr.contains("\tat demo.ContinueLoop.frame(ContinueLoop.java"), run.stderr);
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void interruptingMaydaysThreadsNeitherSpinsThemNorStopsReporting(Jdk jdk) throws Exception {
        ChildJvm.Result run = new ChildJvm(jdk, home).run("demo.InterruptsEveryone");

        assertEquals(1, run.exitCode, run.toString());
        Matcher cpu = Pattern.compile("cpu while idle: (\\d+) ms").matcher(run.stdout);
        assertTrue(cpu.find(), run.toString());
        // A waiting writer left interrupted returns from every park at once: a core's worth, 2000 ms.
        assertTrue(Long.parseLong(cpu.group(1)) < 600, "the idle program used " + cpu.group(1) + " ms\n" + run);
        List<JsonObject> reports = run.reports();
        assertEquals(1, reports.size(), run.toString());
        assertTrue(reports.get(0).toString().contains("after the interrupts"), run.toString());
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void theMemoryReserveWaitsForTheFirstCollection(Jdk jdk) throws Exception {
        // 2 MiB zeroed at start stayed in the memory of every program that never collects.
        ChildJvm.Result run = new ChildJvm(jdk, home).run("demo.ReserveWatch");

        assertEquals(0, run.exitCode, run.toString());
        assertTrue(run.stdout.contains("before a collection: false"), run.toString());
        assertTrue(run.stdout.contains("after a collection: true"), run.toString());
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void aFiftyMegabyteMessageGetsAShortLine(Jdk jdk) throws Exception {
        Path blocker = Files.writeString(home.resolve("not-a-directory"), "x");
        ChildJvm.Result run = new ChildJvm(jdk, home).jvmArg("-Xmx1g").timeout(120)
                .agentArgs("outbox=" + blocker.resolve("outbox") + ",mainLoop=demo.HugeMessage#tick,onCrash=rethrow")
                .run("demo.HugeMessage");

        assertEquals(1, run.exitCode, "the program's own end, as without Mayday");
        boolean told = false;
        for (String line : run.stderr.split("\n")) {
            if (line.startsWith("mayday:")) {
                assertTrue(line.length() < 1000, "a " + line.length() + "-character line");
                told |= line.contains("could not save the crash report");
            }
        }
        assertTrue(told, "no line about the lost report");
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void aHostileFailureAndAnUnusableOutboxStillGetALine(Jdk jdk) throws Exception {
        Path blocker = Files.writeString(home.resolve("not-a-directory"), "x");
        ChildJvm.Result run = new ChildJvm(jdk, home)
                .agentArgs("outbox=" + blocker.resolve("outbox") + ",mainLoop=demo.HostileEverything#tick")
                .run("demo.HostileEverything");

        assertEquals(70, run.exitCode, run.toString());
        assertTrue(run.stderr.contains("mayday: ") && run.stderr.contains("could not save the crash report"), run.stderr);
        assertTrue(run.stderr.contains("demo.HostileEverything$Nasty"), "the failure is named: " + run.stderr);
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void aStrictSecurityManagerCostsTheReportButNotTheLine(Jdk jdk) throws Exception {
        assumeTrue(jdk.feature < 24, "no security manager after JDK 23");
        ChildJvm.Result run = new ChildJvm(jdk, home).jvmArg("-Djava.security.manager=allow")
                .agentArgs("mainLoop=demo.StrictSecurity#tick").run("demo.StrictSecurity");

        assertEquals(70, run.exitCode, run.toString());
        assertTrue(run.stderr.contains("mayday: ") && run.stderr.contains("failed under a strict security manager"),
                run.stderr);
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void aSecondIdenticalFailureWaitsForTheFirstOnesDelivery(Jdk jdk) throws Exception {
        Path copies = home.resolve("copies");
        ChildJvm.Result run = new ChildJvm(jdk, home)
                .agentArgs("mainLoop=demo.TwinFailures#loop,consent=always,send=file:" + copies)
                .run("demo.TwinFailures", "300");

        assertEquals(70, run.exitCode, run.toString());
        assertEquals(1, Outboxes.sent(run.outbox).size(), "delivered before the exit: " + run);
        try (var files = Files.list(copies)) {
            assertEquals(1, files.filter(p -> p.toString().endsWith(".json")).count(), run.toString());
        }
    }

    private static void assertAllReported(List<JsonObject> reports, int expected, String threadPrefix,
                                          ChildJvm.Result run) {
        Set<String> threads = new HashSet<>();
        for (JsonObject report : reports) {
            assertTrue(report.has("app") && report.has("user"), "deliverable: " + report);
            threads.add(report.getAsJsonObject("thread").get("name").getAsString());
        }
        int ofThese = 0;
        for (String t : threads) {
            ofThese += t.startsWith(threadPrefix) ? 1 : 0;
        }
        // Reports of 1,600 threads are large: past the outbox bound (100 reports or 64 MiB) the
        // oldest are dropped, each drop said in one line. Those were written, then bounded: counted.
        int dropped = 0;
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("outbox full \\([^)]*\\): dropped the (\\d+) oldest").matcher(run.stderr);
        while (m.find()) {
            dropped += Integer.parseInt(m.group(1));
        }
        if (dropped == 0) {
            assertEquals(expected, ofThese, reports.size() + " reports\n" + run);
        } else {
            // (a dropped report may be any of the oldest, not only one of these threads)
            assertTrue(ofThese + dropped >= expected, reports.size() + " reports, " + dropped
                    + " dropped by the bound\n" + run);
            assertFalse(run.stderr.contains("lost"), "nothing lost: " + run);
        }
    }
}
