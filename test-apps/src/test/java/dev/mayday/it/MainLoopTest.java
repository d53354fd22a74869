package dev.mayday.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Main loops wrapped by pattern and by annotation, and each {@code onCrash} action. */
class MainLoopTest {

    @TempDir
    Path home;

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void gameLoopThatHidesItsFailuresEndsWithStatus70AndAReport(Jdk jdk) throws Exception {
        ChildJvm.Result run = new ChildJvm(jdk, home).agentArgs("mainLoop=demo.Game#tick").run("demo.Game", "5");

        assertEquals(70, run.exitCode, run.toString());
        assertTrue(run.stdout.contains("tick 5") && !run.stdout.contains("tick 6"), run.toString());
        assertTrue(run.stderr.contains("mayday: NullPointerException in demo.Game.tick: crash report saved to "), run.stderr);
        JsonObject report = run.onlyReport();
        assertEquals("mayday/1", report.get("schema").getAsString());
        assertEquals("main-loop", report.get("kind").getAsString());
        assertEquals("NullPointerException in demo.Game.tick", report.get("title").getAsString());
        assertEquals("demo.Game#tick", report.getAsJsonObject("origin").get("mainLoop").getAsString());
        JsonObject exception = report.getAsJsonObject("exception");
        assertEquals("java.lang.NullPointerException", exception.get("type").getAsString());
        JsonObject top = exception.getAsJsonArray("frames").get(0).getAsJsonObject();
        assertEquals("demo.Game", top.get("class").getAsString());
        assertEquals("tick", top.get("method").getAsString());
        assertEquals("Game.java", top.get("file").getAsString());
        assertEquals("main", report.getAsJsonObject("thread").get("name").getAsString());

        // Every thread, the failing one first, its stack starting at the program's own frame.
        JsonObject failing = report.getAsJsonArray("threads").get(0).getAsJsonObject();
        assertTrue(failing.get("failing").getAsBoolean());
        assertEquals("demo.Game", failing.getAsJsonArray("frames").get(0).getAsJsonObject().get("class").getAsString());

        // What the program logged just before, from java.util.logging and from System.out.
        JsonArray logs = report.getAsJsonArray("logs");
        assertTrue(containsMessage(logs, "INFO", "frame 5 rendered"), logs.toString());
        assertTrue(containsMessage(logs, "stdout", "tick 5"), logs.toString());
        // The console handler's copy of a JUL record on stderr is not kept twice.
        for (JsonElement e : logs) {
            String message = e.getAsJsonObject().get("message").getAsString();
            assertTrue(!message.startsWith("INFO: frame"), "JUL record kept twice: " + message);
        }
        // The report file name is <yyyyMMdd-HHmmss>-<id>.json.
        String file = run.reportFiles().get(0).getFileName().toString();
        assertTrue(file.matches("\\d{8}-\\d{6}-" + report.get("id").getAsString() + "\\.json"), file);
    }

    static boolean containsMessage(JsonArray logs, String level, String message) {
        for (JsonElement e : logs) {
            JsonObject log = e.getAsJsonObject();
            if (log.get("level").getAsString().equals(level) && log.get("message").getAsString().contains(message)) {
                return true;
            }
        }
        return false;
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void methodsAnnotatedWithTheApplicationsOwnMainLoopAreWrappedWithoutAnOption(Jdk jdk) throws Exception {
        ChildJvm.Result run = new ChildJvm(jdk, home).agentArgs("onCrash=rethrow").run("demo.AnnotatedLoop");

        // rethrow: the application's own catch sees the failure and the program goes on.
        assertEquals(0, run.exitCode, run.toString());
        assertTrue(run.stdout.contains("app caught: inventory out of sync at step 3"), run.toString());
        JsonObject report = run.onlyReport();
        assertEquals("IllegalStateException in demo.AnnotatedLoop.update", report.get("title").getAsString());
        assertEquals("@demo.AnnotatedLoop$MainLoop", report.getAsJsonObject("origin").get("mainLoop").getAsString());
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void annotationPatternWrapsEveryMethodCarryingIt(Jdk jdk) throws Exception {
        ChildJvm.Result run = new ChildJvm(jdk, home).agentArgs("mainLoop=@demo.Loop,onCrash=continue").run("demo.ServerLoop");

        // continue: the failing call returns 0 and the loop goes on to the end.
        assertEquals(0, run.exitCode, run.toString());
        assertTrue(run.stdout.contains("served 7 total"), run.toString());
        assertTrue(!run.stdout.contains("app caught"), "continue must not throw on: " + run);
        JsonObject report = run.onlyReport();
        assertEquals("ArithmeticException in demo.ServerLoop.serve", report.get("title").getAsString());
        assertEquals("@demo.Loop", report.getAsJsonObject("origin").get("mainLoop").getAsString());
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void continueKeepsALoopAliveAndQuietWritesTheSameBugOnce(Jdk jdk) throws Exception {
        ChildJvm.Result run = new ChildJvm(jdk, home).agentArgs("mainLoop=demo.ContinueLoop#frame,onCrash=continue")
                .run("demo.ContinueLoop");

        assertEquals(0, run.exitCode, run.toString());
        assertTrue(run.stdout.contains("survived frames=10 sum=0"), run.toString());
        // One report; the 9 repeats held back are kept in a repeats record written at exit (issue 8).
        java.util.List<JsonObject> files = run.reports();
        assertEquals(2, files.size(), run.toString());
        assertEquals(1, run.crashReports().size(), run.toString());
        assertEquals(9, run.heldBackAtExit(), run.toString());
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void quietZeroWritesEveryOccurrence(Jdk jdk) throws Exception {
        ChildJvm.Result run = new ChildJvm(jdk, home)
                .agentArgs("mainLoop=demo.ContinueLoop#frame,onCrash=continue,quiet=0").run("demo.ContinueLoop");

        assertEquals(0, run.exitCode, run.toString());
        assertEquals(10, run.reportFiles().size(), run.toString());
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void rethrowLeavesTheApplicationsOwnHandlingInCharge(Jdk jdk) throws Exception {
        ChildJvm.Result run = new ChildJvm(jdk, home).agentArgs("mainLoop=demo.RethrowLoop#step,onCrash=rethrow")
                .run("demo.RethrowLoop");

        assertEquals(3, run.exitCode, run.toString());
        assertTrue(run.stdout.contains("app caught not yet"), run.toString());
        assertEquals("UnsupportedOperationException in demo.RethrowLoop.step", run.onlyReport().get("title").getAsString());
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void exitCodeOptionSetsTheStatus(Jdk jdk) throws Exception {
        ChildJvm.Result run = new ChildJvm(jdk, home).agentArgs("mainLoop=demo.*#tic*,exitCode=9").run("demo.Game", "2");

        assertEquals(9, run.exitCode, run.toString());
        assertEquals(1, run.reportFiles().size());
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void withoutTheAgentTheFailureIsLost(Jdk jdk) throws Exception {
        // The baseline that makes Mayday worth having: same program, no agent.
        ChildJvm.Result run = new ChildJvm(jdk, home).withoutAgent().run("demo.Game", "5");

        assertEquals(0, run.exitCode, run.toString());
        assertTrue(run.stdout.contains("game over after 1000 frames, 1 failures hidden"), run.toString());
        assertEquals(0, run.reportFiles().size());
    }
}
