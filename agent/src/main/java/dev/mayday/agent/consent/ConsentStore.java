package dev.mayday.agent.consent;

import dev.mayday.agent.diag.Diagnostics;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * What people answered "Always send for &lt;app&gt;" to, kept in {@code ~/.mayday/consent.properties}
 * ({@code always.<app>=true}), so they are asked once per application, not once per crash.
 */
public final class ConsentStore {

    private final Path file;

    public ConsentStore(Path file) {
        this.file = file;
    }

    /** {@code ~/.mayday/consent.properties} of the user running the program. */
    public static ConsentStore forUser() {
        return new ConsentStore(Paths.get(System.getProperty("user.home"), ".mayday", "consent.properties"));
    }

    /** True if "Always send" was chosen for any application (a cheap check: the file exists). */
    public boolean anyAlwaysSend() {
        return Files.exists(file);
    }

    public boolean alwaysSend(String app) {
        return "true".equals(load().getProperty(key(app)));
    }

    /** Remembers the choice; a failure to write costs one line, the answer still counts for this report. */
    public synchronized void rememberAlwaysSend(String app) {
        Properties p = load();
        p.setProperty(key(app), "true");
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(temporary)) {
                p.store(out, "Mayday: applications whose crash reports are sent without asking");
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            Diagnostics.warn("cannot remember 'always send' in " + file + " (" + e + ")");
        }
    }

    private Properties load() {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (NoSuchFileException e) {
            // nobody chose yet
        } catch (IOException | RuntimeException e) {
            Diagnostics.debug("cannot read " + file + ": " + e);
        }
        return p;
    }

    private static String key(String app) {
        return "always." + app;
    }
}
