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

    /** A report id as Mayday makes them (a UUID), numbered. */
    static String id(int n) {
        return String.format("00000000-0000-4000-8000-%012d", n);
    }

    @Test
    void theUsersOwnJsonFilesInTheOutboxAreNeverCountedMovedOrDeleted() throws Exception {
        Outbox outbox = new Outbox(dir);
        for (int i = 0; i < 150; i++) {
            Files.writeString(dir.resolve(String.format("data-%03d.json", i)), "{}");
        }
        Files.writeString(dir.resolve("20260101-000000-not-a-uuid.json"), "{}");
        Files.writeString(dir.resolve("20260101-000000-ABCDEF00-0000-4000-8000-00000000000A.json"), "{}");
        Path report = outbox.write(0L, id(2), new byte[] {'{', '}'});

        assertEquals(List.of(report), outbox.waiting());
        assertEquals(0, outbox.enforceLimits());
        try (var files = Files.list(dir)) {
            assertEquals(153, files.count(), "nothing of the user's went");
        }
    }

    @Test
    void temporaryFilesLeftByAKillAreRemovedOnceOldAndOnlyThey() throws Exception {
        Outbox outbox = new Outbox(dir);
        Path old = Files.writeString(dir.resolve("." + Outbox.fileName(0L, id(1)) + ".tmp"), "{\"half");
        Path fresh = Files.writeString(dir.resolve("." + Outbox.fileName(0L, id(2)) + ".tmp"), "{\"half");
        Path users = Files.writeString(dir.resolve(".editor-swap.tmp"), "x");
        long hourAgo = System.currentTimeMillis() - 3_600_000L;
        Files.setLastModifiedTime(old, java.nio.file.attribute.FileTime.fromMillis(hourAgo));
        Files.setLastModifiedTime(users, java.nio.file.attribute.FileTime.fromMillis(hourAgo));

        assertEquals(0, outbox.enforceLimits());
        assertEquals(false, Files.exists(old));
        assertEquals(true, Files.exists(fresh), "may be another program's write under way");
        assertEquals(true, Files.exists(users));
        assertEquals(0, outbox.removeAbandonedTemporaries(System.currentTimeMillis() - Outbox.ABANDONED_AFTER_MILLIS));
    }

    @Test
    void reportNamesAreTimeAndUuid() {
        assertEquals(true, Outbox.isReportName("20261201-193321-7481737e-fb79-4825-aad1-0cc38a77ac37.json"));
        assertEquals(false, Outbox.isReportName("20261201-193321-7481737e-fb79-4825-aad1-0cc38a77ac37.json.tmp"));
        assertEquals(false, Outbox.isReportName("2026120a-193321-7481737e-fb79-4825-aad1-0cc38a77ac37.json"));
        assertEquals(false, Outbox.isReportName("20261201-193321-7481737e-fb79-4825-aad1-0cc38a77ac3g.json"));
        assertEquals(false, Outbox.isReportName("package.json"));
    }

    @Test
    void writesWholeFilesNamedByUtcTimeAndIdAndLeavesNoTemporaryBehind() throws Exception {
        Outbox outbox = new Outbox(dir.resolve("outbox"));
        Path file = outbox.write(0L, id(1), "{\"schema\":\"mayday/1\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals("19700101-000000-" + id(1) + ".json", file.getFileName().toString());
        assertEquals("{\"schema\":\"mayday/1\"}", Files.readString(file));
        try (var files = Files.list(dir.resolve("outbox"))) {
            List<String> names = files.map(p -> p.getFileName().toString()).collect(Collectors.toList());
            assertEquals(List.of("19700101-000000-" + id(1) + ".json"), names);
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
            outbox.markSent(outbox.write(i * 1000L, id(i), new byte[] {'{', '}'}));
        }
        Path bad = outbox.write(0L, id(999), new byte[] {'{', '}'});
        outbox.reject(bad, "HTTP 400: missing key signature");

        assertEquals(List.of(), outbox.waiting());
        try (var sent = Files.list(dir.resolve("sent"))) {
            List<String> names = sent.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
            assertEquals(Outbox.KEEP_DONE, names.size());
            assertEquals(Outbox.fileName(5000L, id(5)), names.get(0), "the oldest went first");
        }
        assertEquals("HTTP 400: missing key signature",
                Files.readString(dir.resolve("rejected").resolve(bad.getFileName() + ".reason.txt")).trim());
        assertEquals(id(999), Outbox.idOf(bad));
    }

    @Test
    void waitingReportsAreBoundedOldestDroppedFirst() throws Exception {
        Outbox outbox = new Outbox(dir);
        for (int i = 0; i < Outbox.MAX_WAITING + 3; i++) {
            outbox.write(i * 1000L, id(i), new byte[] {'{', '}'});
        }
        assertEquals(3, outbox.enforceLimits());
        List<Path> left = outbox.waiting();
        assertEquals(Outbox.MAX_WAITING, left.size());
        assertEquals(Outbox.fileName(3000L, id(3)), left.get(0).getFileName().toString());
        assertEquals(0, outbox.enforceLimits());
    }

    @Test
    void replacingAReportIsAtomicAndKeepsItsName() throws Exception {
        Outbox outbox = new Outbox(dir);
        Path file = outbox.write(0L, id(7), "{\"user\":{\"consent\":\"pending\"}}".getBytes(StandardCharsets.UTF_8));
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
