package dev.mayday.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 7 item 3: a main-loop pattern that matches a recursive method ({@code demo.Recursion#*}
 * wraps every frame of the recursion) and overflows the stack. The failure is handled once, at
 * the outermost wrapped frame, in every {@code onCrash} mode.
 */
class RecursionTest {

    @TempDir
    Path home;

    private ChildJvm.Result run(Jdk jdk, String onCrash) throws Exception {
        return new ChildJvm(jdk, home).agentArgs("mainLoop=demo.Recursion#*,onCrash=" + onCrash).timeout(120)
                .run("demo.Recursion");
    }

    private static void assertOneStackOverflowReport(ChildJvm.Result run) throws Exception {
        JsonObject report = run.onlyReport();
        assertEquals("main-loop", report.get("kind").getAsString());
        assertEquals("StackOverflowError in demo.Recursion.depth", report.get("title").getAsString());
        assertEquals("demo.Recursion#*", report.getAsJsonObject("origin").get("mainLoop").getAsString());
        // Handled at the outermost wrapped frame: main.
        assertEquals("demo.Recursion.main", report.getAsJsonObject("origin").get("method").getAsString());
        assertEquals(1, count(run.stderr, "crash report saved to"), run.toString());
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void exitReportsOnceRunsTheShutdownHooksAndSaysSoOnce(Jdk jdk) throws Exception {
        ChildJvm.Result run = run(jdk, "exit");

        assertEquals(70, run.exitCode, run.toString());
        assertOneStackOverflowReport(run);
        assertEquals(1, count(run.stderr, "ending the program"), run.toString());
        assertTrue(run.stdout.contains("shutdown hook ran"), run.toString());
        assertTrue(!run.stdout.contains("main went on"), run.toString());
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void rethrowLetsTheProgramsOwnStackOverflowErrorBePrinted(Jdk jdk) throws Exception {
        ChildJvm.Result run = run(jdk, "rethrow");

        assertEquals(1, run.exitCode, run.toString());
        assertOneStackOverflowReport(run);
        assertTrue(run.stderr.contains("Exception in thread \"main\" java.lang.StackOverflowError"), run.toString());
        assertTrue(run.stdout.contains("shutdown hook ran"), run.toString());
        assertEquals(0, count(run.stderr, "ending the program"), run.toString());
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void continueReturnsFromTheOutermostFrameAndTheProgramEndsNormally(Jdk jdk) throws Exception {
        ChildJvm.Result run = run(jdk, "continue");

        assertEquals(0, run.exitCode, run.toString());
        assertOneStackOverflowReport(run);
        assertTrue(run.stdout.contains("shutdown hook ran"), run.toString());
        assertTrue(!run.stderr.contains("Exception in thread"), run.toString());
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void withoutTheAgentTheProgramPrintsItsStackOverflowError(Jdk jdk) throws Exception {
        ChildJvm.Result run = new ChildJvm(jdk, home).withoutAgent().run("demo.Recursion");

        assertEquals(1, run.exitCode, run.toString());
        assertTrue(run.stderr.contains("Exception in thread \"main\" java.lang.StackOverflowError"), run.toString());
        assertTrue(run.stdout.contains("shutdown hook ran"), run.toString());
    }

    static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
