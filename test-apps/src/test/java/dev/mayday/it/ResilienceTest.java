package dev.mayday.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The worst cases: no stack, no memory, hostile exceptions, giant programs, a bad outbox. */
class ResilienceTest {

    @TempDir
    Path home;

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void stackOverflowGetsASmallFoldedReport(Jdk jdk) throws Exception {
        ChildJvm.Result run = new ChildJvm(jdk, home).agentArgs("mainLoop=demo.Recursion#frame").run("demo.Recursion");

        assertEquals(70, run.exitCode, run.toString());
        JsonObject report = run.onlyReport();
        assertEquals("StackOverflowError in demo.Recursion.depth", report.get("title").getAsString());
        JsonArray frames = report.getAsJsonObject("exception").getAsJsonArray("frames");
        assertTrue(frames.size() < 20, "recursion not folded: " + frames.size() + " frames");
        boolean folded = false;
        for (JsonElement f : frames) {
            folded |= f.getAsJsonObject().has("folded");
        }
        assertTrue(folded, frames.toString());
        assertTrue(Files.size(run.reportFiles().get(0)) < 200_000, "report too big: " + Files.size(run.reportFiles().get(0)));
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void outOfMemoryStillProducesAReport(Jdk jdk) throws Exception {
        ChildJvm.Result run = new ChildJvm(jdk, home).jvmArg("-Xmx48m").agentArgs("mainLoop=demo.OutOfMemory#load")
                .run("demo.OutOfMemory");

        assertEquals(70, run.exitCode, run.toString());
        JsonObject report = run.onlyReport();
        assertEquals("oom", report.get("kind").getAsString());
        assertEquals("java.lang.OutOfMemoryError", report.getAsJsonObject("exception").get("type").getAsString());
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void anExceptionWhoseCauseThrowsKeepsThreadsLogsAndSystem(Jdk jdk) throws Exception {
        ChildJvm.Result run = new ChildJvm(jdk, home).agentArgs("mainLoop=demo.HostileException#tick")
                .run("demo.HostileException");

        assertEquals(70, run.exitCode, run.toString());
        JsonObject report = run.onlyReport();
        assertEquals("demo.HostileException$Nasty", report.getAsJsonObject("exception").get("type").getAsString());
        assertTrue(report.getAsJsonObject("exception").get("causeUnreadable").getAsBoolean(), report.toString());
        // One hostile getCause() costs the cause, nothing else (issue 7, item 8).
        for (String kept : new String[] {"app", "thread", "threads", "logs", "system", "properties", "user"}) {
            assertTrue(report.has(kept), kept + " missing: " + report);
        }
        assertEquals("nasty", report.getAsJsonObject("exception").get("message").getAsString());
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void reportStaysUnderOneMebibyteWhateverTheProgramLooksLike(Jdk jdk) throws Exception {
        ChildJvm.Result run = new ChildJvm(jdk, home).jvmArg("-Xmx512m").agentArgs("mainLoop=demo.BigReport#fail")
                .timeout(120).run("demo.BigReport", "3000");

        assertEquals(70, run.exitCode, run.toString());
        Path file = run.reportFiles().get(0);
        assertTrue(Files.size(file) <= 1024 * 1024, "report is " + Files.size(file) + " bytes");
        JsonObject report = run.onlyReport();
        JsonArray truncated = report.getAsJsonArray("truncated");
        assertTrue(truncated != null && truncated.size() > 0, "nothing recorded as cut");
        // The failure itself survives: type, the start of its message, its frames.
        JsonObject exception = report.getAsJsonObject("exception");
        assertEquals("java.lang.IllegalArgumentException", exception.get("type").getAsString());
        assertTrue(exception.get("message").getAsString().startsWith("yyyy"));
        assertEquals("fail", exception.getAsJsonArray("frames").get(0).getAsJsonObject().get("method").getAsString());
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void anOutboxThatCannotBeWrittenCostsOneLineAndNotTheProgram(Jdk jdk) throws Exception {
        Path blocker = Files.writeString(home.resolve("not-a-directory"), "x");
        ChildJvm.Result run = new ChildJvm(jdk, home)
                .agentArgs("outbox=" + blocker.resolve("outbox") + ",mainLoop=demo.ContinueLoop#frame,onCrash=continue")
                .run("demo.ContinueLoop");

        assertEquals(0, run.exitCode, run.toString());
        assertTrue(run.stdout.contains("survived frames=10"), run.toString());
        assertTrue(run.stderr.contains("could not save the crash report"), run.stderr);
        assertTrue(run.stderr.contains("IllegalStateException: frame 1 failed"), "the failure must still be told: " + run.stderr);
    }
}
