package dev.mayday.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code hang}: a stalled main loop or event thread, once per stall, never a paused JVM. */
class HangTest {

    @TempDir
    Path home;

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void aStalledMainLoopCallIsReportedOnceWithSamplesAndItsDuration(Jdk jdk) throws Exception {
        ChildJvm.Result run = new ChildJvm(jdk, home).agentArgs("mainLoop=demo.Stall#tick,hang=1").timeout(120)
                .run("demo.Stall", "4");

        assertEquals(0, run.exitCode, run.toString());
        assertTrue(run.stdout.contains("done"), run.toString());
        JsonObject report = run.onlyReport();
        assertEquals("hang", report.get("kind").getAsString());
        assertEquals("Hang in demo.Stall.waitForDisk", report.get("title").getAsString());
        assertEquals("demo.Stall#tick", report.getAsJsonObject("origin").get("mainLoop").getAsString());
        assertEquals("main", report.getAsJsonObject("thread").get("name").getAsString());
        JsonObject exception = report.getAsJsonObject("exception");
        assertEquals("dev.mayday.agent.watch.Hang", exception.get("type").getAsString());
        assertTrue(hasFrame(exception.getAsJsonArray("frames"), "demo.Stall", "tick"), exception.toString());
        // Every thread's stack, the stalled one first.
        JsonArray threads = report.getAsJsonArray("threads");
        assertEquals("main", threads.get(0).getAsJsonObject().get("name").getAsString());
        assertTrue(threads.size() > 3, threads.toString());

        JsonObject stall = report.getAsJsonObject("stall");
        assertTrue(stall.get("ended").getAsBoolean(), stall.toString());
        long duration = stall.get("durationMs").getAsLong();
        assertTrue(duration >= 2500 && duration <= 6000, stall.toString());
        JsonArray samples = stall.getAsJsonArray("samples");
        assertTrue(samples.size() >= 2, stall.toString());
        for (JsonElement s : samples) {
            assertTrue(s.getAsJsonObject().getAsJsonArray("frames").toString().contains("demo.Stall.waitForDisk"), s.toString());
        }
        assertEquals(1, RecursionTest.count(run.stderr, "crash report saved to"), run.stderr);
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void aLoopThatNeverStallsGivesNoReport(Jdk jdk) throws Exception {
        ChildJvm.Result run = new ChildJvm(jdk, home).agentArgs("mainLoop=demo.Stall#tick,hang=1").run("demo.Stall", "0", "60");

        assertEquals(0, run.exitCode, run.toString());
        assertEquals(0, run.reportFiles().size(), run.toString());
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void aPausedJvmIsNotAStall(Jdk jdk) throws Exception {
        // SIGSTOP holds every thread, the watchdog's too, as a debugger or a suspended laptop does.
        ChildJvm.Running running = new ChildJvm(jdk, home).agentArgs("mainLoop=demo.Stall#tick,hang=1").timeout(120)
                .start("demo.Stall", "0", "150");
        long pid = running.process.pid();
        waitFor(running, "started");
        Thread.sleep(500);
        signal("STOP", pid);
        Thread.sleep(4000);
        signal("CONT", pid);
        ChildJvm.Result run = running.await();

        assertEquals(0, run.exitCode, run.toString());
        assertTrue(run.stdout.contains("done"), run.toString());
        assertEquals(0, run.reportFiles().size(), run.toString());
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void theAwtEventThreadStuckOnOneEventIsAHang(Jdk jdk) throws Exception {
        ChildJvm.Result run = new ChildJvm(jdk, home).jvmArg("-Djava.awt.headless=true").agentArgs("hang=1").timeout(120)
                .run("demo.AwtStall", "3");

        assertEquals(0, run.exitCode, run.toString());
        JsonObject report = run.onlyReport();
        assertEquals("hang", report.get("kind").getAsString());
        assertEquals("Hang in demo.AwtStall.renderChart", report.get("title").getAsString());
        assertEquals("java.awt.EventQueue.dispatchEvent",
                report.getAsJsonObject("origin").get("awtEventThread").getAsString());
        assertTrue(report.getAsJsonObject("thread").get("name").getAsString().startsWith("AWT-EventQueue"));
        assertTrue(report.getAsJsonObject("stall").get("ended").getAsBoolean());
    }

    static boolean hasFrame(JsonArray frames, String cls, String method) {
        for (JsonElement f : frames) {
            JsonObject o = f.getAsJsonObject();
            if (o.has("class") && o.get("class").getAsString().equals(cls) && o.get("method").getAsString().equals(method)) {
                return true;
            }
        }
        return false;
    }

    static void waitFor(ChildJvm.Running running, String line) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (java.nio.file.Files.readString(running.stdoutFile()).contains(line)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("never printed " + line);
    }

    static void signal(String name, long pid) throws Exception {
        Process kill = new ProcessBuilder(List.of("kill", "-" + name, Long.toString(pid))).inheritIO().start();
        assertEquals(0, kill.waitFor());
    }
}
