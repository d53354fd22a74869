package dev.mayday.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Exceptions that end a thread: workers, the main thread, the AWT event thread, virtual threads. */
class UncaughtTest {

    @TempDir
    Path home;

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void workerThreadCrashIsReportedAndTheApplicationsOwnHandlerStillRuns(Jdk jdk) throws Exception {
        ChildJvm.Result run = new ChildJvm(jdk, home).run("demo.WorkerCrash");

        assertEquals(0, run.exitCode, run.toString());
        // The handler the application installed after Mayday started still runs...
        assertTrue(run.stdout.contains("app handler saw java.lang.NumberFormatException"), run.toString());
        assertTrue(run.stdout.contains("main goes on"), run.toString());
        // ...and did not switch Mayday off.
        JsonObject report = run.onlyReport();
        assertEquals("uncaught", report.get("kind").getAsString());
        assertEquals("config-worker", report.getAsJsonObject("thread").get("name").getAsString());
        assertEquals("NumberFormatException in demo.WorkerCrash.lambda$main", report.get("title").getAsString());
        assertEquals("thread", report.getAsJsonObject("origin").get("uncaught").getAsString());
        assertTrue(MainLoopTest.containsMessage(report.getAsJsonArray("logs"), "INFO", "worker parsing config"));
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void uncaughtExitEndsTheProgramAfterTheReport(Jdk jdk) throws Exception {
        ChildJvm.Result run = new ChildJvm(jdk, home).agentArgs("uncaught=exit,exitCode=71").run("demo.WorkerCrash");

        assertEquals(71, run.exitCode, run.toString());
        assertFalse(run.stdout.contains("main goes on"), run.toString());
        assertEquals(1, run.reportFiles().size());
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void uncaughtOffWritesNothing(Jdk jdk) throws Exception {
        ChildJvm.Result run = new ChildJvm(jdk, home).agentArgs("uncaught=off").run("demo.WorkerCrash");

        assertEquals(0, run.exitCode, run.toString());
        assertEquals(0, run.reportFiles().size());
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void mainThreadDyingIsReportedAndTheJvmsOwnMessageAndStatusStay(Jdk jdk) throws Exception {
        ChildJvm.Result run = new ChildJvm(jdk, home).run("demo.HostileException");

        assertEquals(1, run.exitCode, run.toString());
        assertTrue(run.stderr.contains("Exception in thread \"main\""), run.toString());
        assertEquals(1, run.reportFiles().size(), run.toString());
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void fiftyThreadsFailingAtOnceAllGetTheirReport(Jdk jdk) throws Exception {
        ChildJvm.Result run = new ChildJvm(jdk, home).agentArgs("quiet=0").run("demo.ManyThreads", "50");

        assertEquals(0, run.exitCode, run.toString());
        assertTrue(run.stdout.contains("all 50 workers ended"), run.toString());
        assertEquals(50, run.reportFiles().size(), run.toString());
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void awtEventThreadFailureIsReportedAndTheEventThreadGoesOn(Jdk jdk) throws Exception {
        ChildJvm.Result run = new ChildJvm(jdk, home).jvmArg("-Djava.awt.headless=true").run("demo.AwtCrash");

        assertEquals(0, run.exitCode, run.toString());
        assertTrue(run.stdout.contains("event thread still serving"), run.toString());
        JsonObject report = run.onlyReport();
        assertEquals("ArrayIndexOutOfBoundsException in demo.AwtCrash.lambda$main", report.get("title").getAsString());
        assertTrue(report.getAsJsonObject("thread").get("name").getAsString().startsWith("AWT-EventQueue"));
        assertEquals("awt-event-thread", report.getAsJsonObject("origin").get("uncaught").getAsString());
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void virtualThreadCrashIsReported(Jdk jdk) throws Exception {
        assumeTrue(jdk.feature >= 21, "virtual threads need JDK 21+");
        ChildJvm.Result run = new ChildJvm(jdk, home).run("demo.VirtualThreadCrash");

        assertEquals(0, run.exitCode, run.toString());
        JsonObject report = run.onlyReport();
        assertTrue(report.getAsJsonObject("thread").get("virtual").getAsBoolean(), report.get("thread").toString());
        assertEquals("UnsupportedOperationException in demo.VirtualThreadCrash.lambda$main",
                report.get("title").getAsString());
    }
}
