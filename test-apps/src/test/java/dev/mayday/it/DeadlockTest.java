package dev.mayday.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Deadlocks the JVM finds, with {@code hang} set: each cycle once, threads and locks spelled out. */
class DeadlockTest {

    @TempDir
    Path home;

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void eachDeadlockCycleIsReportedOnceWithItsThreadsAndLocks(Jdk jdk) throws Exception {
        ChildJvm.Result run = new ChildJvm(jdk, home).agentArgs("hang=1").timeout(120).run("demo.Deadlocks", "5");

        assertEquals(0, run.exitCode, run.toString());
        List<JsonObject> reports = run.reports();
        assertEquals(2, reports.size(), run.toString()); // checked every second, reported once per cycle
        List<String> titles = new ArrayList<>();
        for (JsonObject r : reports) {
            assertEquals("deadlock", r.get("kind").getAsString());
            titles.add(r.get("title").getAsString());
            JsonObject deadlock = r.getAsJsonObject("deadlock");
            assertEquals(2, deadlock.get("threadCount").getAsInt());
            JsonArray threads = deadlock.getAsJsonArray("threads");
            JsonObject a = threads.get(0).getAsJsonObject();
            JsonObject b = threads.get(1).getAsJsonObject();
            // Each waits for what the other holds.
            assertEquals(b.get("name").getAsString(), a.get("heldBy").getAsString());
            assertEquals(a.get("name").getAsString(), b.get("heldBy").getAsString());
            assertTrue(b.getAsJsonArray("holds").toString().contains(a.get("waitingFor").getAsString()), threads.toString());
            assertTrue(a.getAsJsonArray("holds").toString().contains(b.get("waitingFor").getAsString()), threads.toString());
            // The exception chain names both threads.
            JsonObject exception = r.getAsJsonObject("exception");
            assertEquals("dev.mayday.agent.watch.Deadlock", exception.get("type").getAsString());
            assertTrue(exception.get("message").getAsString().contains(a.get("name").getAsString()));
            assertTrue(exception.getAsJsonObject("cause").get("message").getAsString().contains(b.get("name").getAsString()));
        }
        assertTrue(titles.contains("Deadlock in demo.Deadlocks.transfer"), titles.toString());
        assertTrue(titles.contains("Deadlock in demo.Deadlocks.reindex"), titles.toString());

        // show spells the cycle out for a person.
        JsonObject monitors = reports.get(titles.indexOf("Deadlock in demo.Deadlocks.transfer"));
        Path file = run.reportFiles().get(titles.indexOf("Deadlock in demo.Deadlocks.transfer"));
        ChildJvm.Result shown = new ChildJvm(jdk, home).runAgentJar("show", file.toString());
        assertEquals(0, shown.exitCode, shown.toString());
        assertTrue(shown.stdout.contains("Deadlock of 2 threads:"), shown.stdout);
        assertTrue(shown.stdout.contains("\"teller-1\" waits for java.lang.Object@"), shown.stdout);
        assertTrue(shown.stdout.contains("held by \"teller-2\""), shown.stdout);
        assertEquals("teller-1", monitors.getAsJsonObject("deadlock").getAsJsonArray("threads").get(0).getAsJsonObject()
                .get("name").getAsString());
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void withoutHangDeadlocksAreNotWatched(Jdk jdk) throws Exception {
        ChildJvm.Result run = new ChildJvm(jdk, home).run("demo.Deadlocks", "2");

        assertEquals(0, run.exitCode, run.toString());
        assertEquals(0, run.reportFiles().size(), run.toString());
    }
}
