package dev.mayday.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The log ring keeps no object of the program and runs none of its code on Mayday's thread
 * (issue 7, items 1 and 12).
 */
class LogRingSafetyTest {

    @TempDir
    Path home;

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void loggedPayloadsAreNotKeptAlive(Jdk jdk) throws Exception {
        ChildJvm.Result without = new ChildJvm(jdk, home).withoutAgent().jvmArg("-Xmx256m").run("demo.BigPayload");
        assertEquals(0, without.exitCode, "without Mayday the program lives: " + without);

        ChildJvm.Result with = new ChildJvm(jdk, home).jvmArg("-Xmx256m").timeout(120).run("demo.BigPayload", "crash");
        assertTrue(with.stdout.contains("done"), "the program ran to its end under Mayday: " + with);
        assertTrue(!with.stderr.contains("OutOfMemoryError"), with.toString());
        JsonArray logs = with.onlyReport().getAsJsonArray("logs");
        assertEquals("uncaught", with.onlyReport().get("kind").getAsString());
        // The parameters were put in on the logging thread, from the payload's own toString().
        assertEquals(1, LogApps.count(logs, "INFO", "received payload Payload#399 (1048576 bytes)"), logs.toString());
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void aLoggedListWhoseLockTheFailingThreadHoldsDoesNotStallTheReport(Jdk jdk) throws Exception {
        long start = System.nanoTime();
        ChildJvm.Result run = new ChildJvm(jdk, home).agentArgs("mainLoop=demo.LockedList#step").timeout(60)
                .run("demo.LockedList");
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertEquals(70, run.exitCode, run.toString());
        assertTrue(!run.stderr.contains("taking long to write"), "the failing thread waited for its report: " + run);
        JsonArray logs = run.onlyReport().getAsJsonArray("logs");
        assertEquals(1, LogApps.count(logs, "INFO", "items [apple, pear]"), logs.toString());
        assertTrue(millis < 9_000, "took " + millis + " ms (a stall waits 10 s)");
    }
}
