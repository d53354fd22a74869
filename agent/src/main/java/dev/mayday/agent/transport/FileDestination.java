package dev.mayday.agent.transport;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * {@code send=file:DIR}: copies the report into a directory (a shared drive, a folder another
 * tool uploads), under its outbox name, whole or not at all.
 */
final class FileDestination implements Destination {

    private final Path directory;
    private final String description;

    FileDestination(Path directory, String description) {
        this.directory = directory;
        this.description = description;
    }

    @Override
    public Outcome deliver(String id, String fileName, byte[] json) {
        Path temporary = null;
        try {
            Files.createDirectories(directory);
            temporary = directory.resolve("." + id + ".tmp");
            Files.write(temporary, json);
            Path target = directory.resolve(fileName);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return Outcome.delivered();
        } catch (IOException | RuntimeException e) {
            deleteQuietly(temporary);
            return Outcome.failed("cannot write to " + directory + " (" + e + ")");
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // the failure that matters is reported already
            }
        }
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() {
        // nothing held
    }
}
