package dev.mayday.agent.outbox;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.Instant;

/**
 * The directory every report is written to before anything else is tried. A report appears
 * whole or not at all: it is written to a temporary file, forced to disk, then renamed.
 * {@code OUTBOX/*.json} wait for delivery.
 */
public final class Outbox {

    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Path directory;

    public Outbox(Path directory) {
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }

    /** {@code <yyyyMMdd-HHmmss>-<id>.json}, the time in UTC. */
    public static String fileName(long timeMillis, String id) {
        return FILE_TIME.format(Instant.ofEpochMilli(timeMillis)) + "-" + id + ".json";
    }

    /**
     * Writes one report atomically.
     *
     * @return the report's file
     * @throws IOException with the reason (no room, no permission, ...) if it could not be written
     */
    public Path write(long timeMillis, String id, byte[] json) throws IOException {
        Files.createDirectories(directory);
        Path target = directory.resolve(fileName(timeMillis, id));
        Path temporary = directory.resolve("." + id + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(json);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // the original failure is what matters
            }
            throw e;
        }
        forceDirectory();
        return target;
    }

    // The rename is only durable once the directory entry is on disk too (Linux; elsewhere a no-op).
    private void forceDirectory() {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | RuntimeException ignored) {
            // Not supported on this file system or platform.
        }
    }
}
