package dev.mayday.agent.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxTest {

    @TempDir
    Path dir;

    @Test
    void writesWholeFilesNamedByUtcTimeAndIdAndLeavesNoTemporaryBehind() throws Exception {
        Outbox outbox = new Outbox(dir.resolve("outbox"));
        Path file = outbox.write(0L, "abc", "{\"schema\":\"mayday/1\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals("19700101-000000-abc.json", file.getFileName().toString());
        assertEquals("{\"schema\":\"mayday/1\"}", Files.readString(file));
        try (var files = Files.list(dir.resolve("outbox"))) {
            List<String> names = files.map(p -> p.getFileName().toString()).collect(Collectors.toList());
            assertEquals(List.of("19700101-000000-abc.json"), names);
        }
    }

    @Test
    void anUnwritableOutboxIsAnIoExceptionWithTheReason() throws Exception {
        Path blocker = Files.writeString(dir.resolve("file"), "x");
        Outbox outbox = new Outbox(blocker.resolve("outbox"));
        assertThrows(IOException.class, () -> outbox.write(0L, "id", new byte[1]));
    }
}
