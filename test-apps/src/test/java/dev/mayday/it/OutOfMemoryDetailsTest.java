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

/** An out-of-memory report says which memory ran out, with each pool's figures and the classes with most instances. */
class OutOfMemoryDetailsTest {

    @TempDir
    Path home;

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void heapExhaustionNamesTheKindThePoolsAndTheLargestClasses(Jdk jdk) throws Exception {
        ChildJvm.Result run = new ChildJvm(jdk, home).jvmArg("-Xmx48m").agentArgs("mainLoop=demo.OutOfMemory#load")
                .timeout(120).run("demo.OutOfMemory");

        assertEquals(70, run.exitCode, run.toString());
        JsonObject report = run.onlyReport();
        assertEquals("oom", report.get("kind").getAsString());
        JsonObject oom = report.getAsJsonObject("oom");
        assertEquals("heap", oom.get("kind").getAsString(), oom.toString());
        assertEquals("Java heap space", oom.get("message").getAsString());
        JsonArray pools = oom.getAsJsonArray("pools");
        boolean heapPool = false;
        for (JsonElement p : pools) {
            JsonObject pool = p.getAsJsonObject();
            heapPool |= pool.get("type").getAsString().equals("heap") && pool.get("used").getAsLong() > 0;
        }
        assertTrue(heapPool, pools.toString());
        // A full heap: a histogram would need memory the program has not got, and the report says so.
        assertTrue(oom.get("histogram").getAsString().startsWith("not taken: the heap is full"), oom.toString());

        ChildJvm.Result shown = new ChildJvm(jdk, home).runAgentJar("show", run.reportFiles().get(0).toString());
        assertTrue(shown.stdout.contains("Out of memory: heap (Java heap space)"), shown.stdout);
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void anAllocationTooBigForTheHeapCarriesTheClassesWithMostInstances(Jdk jdk) throws Exception {
        ChildJvm.Result run = new ChildJvm(jdk, home).jvmArg("-Xmx64m").agentArgs("mainLoop=demo.BigAllocation#load")
                .timeout(120).run("demo.BigAllocation");

        assertEquals(70, run.exitCode, run.toString());
        JsonObject oom = run.onlyReport().getAsJsonObject("oom");
        assertEquals("heap", oom.get("kind").getAsString(), oom.toString());
        JsonArray classes = oom.getAsJsonArray("largestClasses");
        assertTrue(classes != null && classes.size() > 0, oom.toString());
        long previous = Long.MAX_VALUE;
        boolean orders = false;
        for (JsonElement c : classes) {
            JsonObject row = c.getAsJsonObject();
            long n = row.get("instances").getAsLong();
            assertTrue(n <= previous, classes.toString());
            previous = n;
            orders |= row.get("class").getAsString().equals("demo.BigAllocation$Order") && n >= 200_000;
        }
        assertTrue(orders, classes.toString());
        ChildJvm.Result shown = new ChildJvm(jdk, home).runAgentJar("show", run.reportFiles().get(0).toString());
        assertTrue(shown.stdout.contains("Most instances:"), shown.stdout);
        assertTrue(shown.stdout.contains("demo.BigAllocation$Order"), shown.stdout);
    }
}
