package dev.mayday.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code swallowed}: task failures that executors keep and nobody reads (demo.SwallowedTasks).
 * Each program ends normally, as it does without Mayday; the report is what is new.
 */
class SwallowedTest {

    @TempDir
    Path home;

    private ChildJvm.Result run(Jdk jdk, String mode, String... options) throws Exception {
        String args = options.length == 0 ? "" : String.join(",", options);
        ChildJvm.Result run = new ChildJvm(jdk, home).agentArgs(args).timeout(120).run("demo.SwallowedTasks", mode);
        assertEquals(0, run.exitCode, run.toString());
        assertTrue(run.stdout.contains("done " + mode), run.toString());
        return run;
    }

    private static JsonObject assertSwallowed(ChildJvm.Result run, String originType, String origin, String found)
            throws Exception {
        JsonObject report = run.onlyReport();
        assertEquals("swallowed", report.get("kind").getAsString(), run.toString());
        assertEquals("IllegalStateException in demo.SwallowedTasks.failOrder", report.get("title").getAsString());
        JsonObject exception = report.getAsJsonObject("exception");
        assertEquals("java.lang.IllegalStateException", exception.get("type").getAsString());
        assertEquals("order 42 lost", exception.get("message").getAsString());
        assertEquals("failOrder", exception.getAsJsonArray("frames").get(0).getAsJsonObject().get("method").getAsString());
        JsonObject o = report.getAsJsonObject("origin");
        assertEquals(origin, o.get(originType).getAsString(), o.toString());
        assertEquals(found, o.get("found").getAsString(), o.toString());
        assertTrue(report.get("signature").getAsString().matches("[0-9a-f]{16}"));
        return report;
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void aFutureNobodyReadsIsReportedWhenItIsCollected(Jdk jdk) throws Exception {
        ChildJvm.Result run = run(jdk, "dropped");
        JsonObject report = assertSwallowed(run, "executor", "java.util.concurrent.ThreadPoolExecutor",
                "future collected unread");
        assertTrue(report.getAsJsonObject("origin").get("thread").getAsString().startsWith("pool-"), report.toString());
        assertTrue(run.stderr.contains("IllegalStateException in demo.SwallowedTasks.failOrder: crash report saved to"),
                run.stderr);
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void aFutureKeptButNeverReadIsReportedAtExit(Jdk jdk) throws Exception {
        assertSwallowed(run(jdk, "kept"), "executor", "java.util.concurrent.ThreadPoolExecutor", "unread at exit");
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void futuresTheProgramReadsAreNotReported(Jdk jdk) throws Exception {
        ChildJvm.Result run = run(jdk, "read");
        assertTrue(run.stdout.contains("caught order 42 lost"), run.toString());
        assertTrue(run.stdout.contains("handled fallback"), run.toString());
        assertTrue(run.stdout.contains("joined order 42 lost"), run.toString());
        assertEquals(0, run.reportFiles().size(), run.toString());
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void aPeriodicTaskThatThrowsIsReportedAtOnce(Jdk jdk) throws Exception {
        ChildJvm.Result run = run(jdk, "periodic");
        // Without Mayday nothing says so: the task simply never runs again.
        assertTrue(run.stdout.contains("runs 3"), run.toString());
        assertSwallowed(run, "scheduler", "java.util.concurrent.ScheduledThreadPoolExecutor", "periodic task died");
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void aCompletableFutureThatFailsWithNoDependentIsReported(Jdk jdk) throws Exception {
        assertSwallowed(run(jdk, "completable"), "stage", "java.util.concurrent.CompletableFuture$AsyncSupply",
                "future collected unread");
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void aFailureCarriedDownAChainNobodyReadsIsReportedOnce(Jdk jdk) throws Exception {
        ChildJvm.Result run = run(jdk, "chain");
        // The stage where it failed when the chain was built after the failure; otherwise (the
        // dependent was there first) the stage that carried it last.
        String stage = run.onlyReport().getAsJsonObject("origin").get("stage").getAsString();
        assertTrue(stage.equals("java.util.concurrent.CompletableFuture$AsyncSupply")
                || stage.equals("java.util.concurrent.CompletableFuture$UniApply"), stage);
        assertSwallowed(run, "stage", stage, "future collected unread");
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void aForkJoinTaskNobodyJoinsIsReported(Jdk jdk) throws Exception {
        assertSwallowed(run(jdk, "forkjoin"), "executor", "java.util.concurrent.ForkJoinPool", "future collected unread");
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void aTaskOnAVirtualThreadIsReportedToo(Jdk jdk) throws Exception {
        Assumptions.assumeTrue(jdk.feature >= 21, "virtual threads need JDK 21");
        JsonObject report = assertSwallowed(run(jdk, "virtual"), "executor",
                "java.util.concurrent.ThreadPerTaskExecutor", "future collected unread");
        assertTrue(report.getAsJsonObject("thread").get("virtual").getAsBoolean(), report.toString());
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void swallowedOffReportsNothing(Jdk jdk) throws Exception {
        assertEquals(0, run(jdk, "dropped", "swallowed=off").reportFiles().size());
    }
}
