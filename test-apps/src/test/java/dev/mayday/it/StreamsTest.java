package dev.mayday.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The program's streams under Mayday: System.out and System.err stay the objects the program
 * set, their own methods run, the bytes are unchanged, and the lines still reach the report.
 */
class StreamsTest {

    @TempDir
    Path home;

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void theProgramsOwnStreamsStayItsOwnAndTheirLinesAreKept(Jdk jdk) throws Exception {
        ChildJvm.Result with = new ChildJvm(jdk, home).agentArgs("mainLoop=demo.OwnStreams#loop")
                .run("demo.OwnStreams");
        ChildJvm.Result without = new ChildJvm(jdk, home).withoutAgent().run("demo.OwnStreams");

        assertEquals(70, with.exitCode, with.toString());
        // The cast to the program's own class works, and its overrides ran (once each).
        assertTrue(with.stdout.contains("identity out=true err=true\n"), with.toString());
        assertTrue(with.stdout.contains("overrides ints=1 objects=1 printfs=1\n"), with.toString());
        assertTrue(with.stdout.contains("[tee] [listed]\n[tee] 3 apples\n"), with.toString());
        assertEquals(without.stdout, with.stdout, "stdout byte for byte as without Mayday");
        assertTrue(with.stderr.startsWith("last stderr line\nprogress 50%"), with.toString());

        List<String> stdout = messages(with.onlyReport(), "stdout");
        List<String> stderr = messages(with.onlyReport(), "stderr");
        assertEquals(List.of("before the program's own streams", "7", "[tee] [listed]", "[tee] 3 apples",
                "identity out=true err=true", "overrides ints=1 objects=1 printfs=1",
                "unicode h\u00e9llo w\u00f6rld \u2713 \ud83d\ude00", "raw", "bytes \u00fc \u00e9"), stdout);
        assertEquals(List.of("last stderr line"), stderr, "stderr lines, without Mayday's own");
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void maydaysLineStartsOnANewLineAfterAnUnfinishedOne(Jdk jdk) throws Exception {
        ChildJvm.Result run = new ChildJvm(jdk, home).agentArgs("mainLoop=demo.OwnStreams#loop")
                .run("demo.OwnStreams");

        assertEquals(70, run.exitCode, run.toString());
        assertTrue(run.stderr.contains("progress 50%\nmayday: "), run.toString());
        boolean found = false;
        for (String line : run.stderr.split("\n")) {
            found |= line.startsWith("mayday: ") && line.contains(run.reportFiles().get(0).getFileName().toString());
        }
        assertTrue(found, "grep '^mayday:' finds the report's line\n" + run);
    }

    static List<String> messages(JsonObject report, String level) {
        List<String> messages = new ArrayList<>();
        JsonArray logs = report.getAsJsonArray("logs");
        for (JsonElement e : logs) {
            JsonObject log = e.getAsJsonObject();
            if (log.get("level").getAsString().equals(level)) {
                messages.add(log.get("message").getAsString());
            }
        }
        return messages;
    }
}
