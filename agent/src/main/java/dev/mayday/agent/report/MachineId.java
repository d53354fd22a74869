package dev.mayday.agent.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.UUID;

/**
 * A random identifier for this machine, kept in {@code ~/.mayday/machine-id}: counts distinct
 * machines per crash without reporting anything that names the machine or its owner.
 */
final class MachineId {

    private static volatile String cached;

    private MachineId() {
    }

    static String get() {
        String id = cached;
        if (id == null) {
            id = load(Paths.get(System.getProperty("user.home"), ".mayday", "machine-id"));
            cached = id;
        }
        return id;
    }

    static String load(Path file) {
        try {
            if (Files.isRegularFile(file)) {
                String id = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).trim();
                if (!id.isEmpty()) {
                    return id;
                }
            }
            String id = UUID.randomUUID().toString();
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp-" + id);
            Files.write(tmp, id.getBytes(StandardCharsets.UTF_8));
            try {
                Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                Files.deleteIfExists(tmp);
            }
            // Another JVM may have won the race: the file is the truth.
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).trim();
        } catch (IOException | RuntimeException e) {
            return "unsaved-" + UUID.randomUUID();
        }
    }
}
