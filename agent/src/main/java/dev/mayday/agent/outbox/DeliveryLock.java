package dev.mayday.agent.outbox;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One delivery pass at a time per outbox, across processes: several programs (and the
 * {@code send} command) may share {@code ~/.mayday/outbox}. A lock on {@code OUTBOX/.delivery.lock};
 * whoever holds it sends, the others leave the outbox to it. The operating system releases the
 * lock when a process dies, so a killed sender never blocks the next one.
 */
public final class DeliveryLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private DeliveryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock, or null when another process (or thread) is delivering from this outbox now. */
    public static DeliveryLock tryAcquire(Path outbox) throws IOException {
        Files.createDirectories(outbox);
        FileChannel channel = FileChannel.open(outbox.resolve(".delivery.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return new DeliveryLock(channel, lock);
            }
        } catch (OverlappingFileLockException e) {
            // held by this JVM already
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        channel.close();
        return null;
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it too
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing more to do
        }
    }
}
