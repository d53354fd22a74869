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

    @Test
    void sentAndRejectedReportsLeaveTheWaitingOnesAndOnlyTheNewestAreKept() throws Exception {
        Outbox outbox = new Outbox(dir);
        for (int i = 0; i < Outbox.KEEP_DONE + 5; i++) {
            outbox.markSent(outbox.write(i * 1000L, "r" + i, new byte[] {'{', '}'}));
        }
        Path bad = outbox.write(0L, "bad", new byte[] {'{', '}'});
        outbox.reject(bad, "HTTP 400: missing key signature");

        assertEquals(List.of(), outbox.waiting());
        try (var sent = Files.list(dir.resolve("sent"))) {
            List<String> names = sent.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
            assertEquals(Outbox.KEEP_DONE, names.size());
            assertEquals(Outbox.fileName(5000L, "r5"), names.get(0), "the oldest went first");
        }
        assertEquals("HTTP 400: missing key signature",
                Files.readString(dir.resolve("rejected").resolve(bad.getFileName() + ".reason.txt")).trim());
        assertEquals("bad", Outbox.idOf(bad));
    }

    @Test
    void waitingReportsAreBoundedOldestDroppedFirst() throws Exception {
        Outbox outbox = new Outbox(dir);
        for (int i = 0; i < Outbox.MAX_WAITING + 3; i++) {
            outbox.write(i * 1000L, "w" + i, new byte[] {'{', '}'});
        }
        assertEquals(3, outbox.enforceLimits());
        List<Path> left = outbox.waiting();
        assertEquals(Outbox.MAX_WAITING, left.size());
        assertEquals(Outbox.fileName(3000L, "w3"), left.get(0).getFileName().toString());
        assertEquals(0, outbox.enforceLimits());
    }

    @Test
    void replacingAReportIsAtomicAndKeepsItsName() throws Exception {
        Outbox outbox = new Outbox(dir);
        Path file = outbox.write(0L, "x", "{\"user\":{\"consent\":\"pending\"}}".getBytes(StandardCharsets.UTF_8));
        outbox.replace(file, "{\"user\":{\"consent\":\"ask-accepted\"}}".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(file), outbox.waiting());
        assertEquals("{\"user\":{\"consent\":\"ask-accepted\"}}", Files.readString(file));
    }

    @Test
    void oneDeliveryAtATimePerOutbox() throws Exception {
        try (DeliveryLock first = DeliveryLock.tryAcquire(dir)) {
            assertEquals(true, first != null);
            assertEquals(null, DeliveryLock.tryAcquire(dir));
        }
        try (DeliveryLock again = DeliveryLock.tryAcquire(dir)) {
            assertEquals(true, again != null, "released when closed");
        }
    }
}
