package dev.mayday.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** An outbox that is a folder the user keeps other files in: Mayday touches only its own. */
class OutboxFilesTest {

    @TempDir
    Path home;

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void theUsersJsonFilesSurviveAndAKilledWritersLeftoverIsCleaned(Jdk jdk) throws Exception {
        Path folder = Files.createDirectories(home.resolve("work"));
        for (int i = 0; i < 150; i++) {
            Files.writeString(folder.resolve(String.format("data-%03d.json", i)), "{\"mine\":" + i + "}");
        }
        Path leftover = Files.writeString(folder.resolve(".20260101-000000-00000000-0000-4000-8000-000000000001.json.tmp"),
                "{\"half");
        Files.setLastModifiedTime(leftover, FileTime.fromMillis(System.currentTimeMillis() - 3_600_000L));

        ChildJvm.Result run = new ChildJvm(jdk, home).agentArgs("outbox=" + folder + ",send=file:" + home.resolve("sink")
                + ",consent=always").run("demo.CrashThenWait", "4");

        assertEquals(0, run.exitCode, run.toString());
        List<String> names;
        try (Stream<Path> files = Files.list(folder)) {
            names = files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
        for (int i = 0; i < 150; i++) {
            String name = String.format("data-%03d.json", i);
            assertTrue(names.contains(name), name + " deleted\n" + run);
            assertEquals("{\"mine\":" + i + "}", Files.readString(folder.resolve(name)));
        }
        assertFalse(Files.exists(leftover), "the killed writer's temporary file is cleaned");
        assertTrue(run.stderr.contains("mayday: removed 1 unfinished report file(s)"), run.toString());
        // The new report was written and delivered (moved to sent/); the user's files were not.
        List<Path> sent = Outboxes.sent(folder);
        assertEquals(1, sent.size(), names + "\n" + run);
        try (Stream<Path> delivered = Files.list(home.resolve("sink"))) {
            assertEquals(1, delivered.count(), "only Mayday's report left for the destination");
        }
    }
}
