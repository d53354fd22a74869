package dev.mayday.agent.report;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Reads a class file straight from the jar or directory it was loaded from. Mayday reads the
 * file itself rather than asking the class's loader, so no program code (a custom loader) runs on
 * Mayday's thread while the failing thread waits.
 */
final class ClassFiles {

    static final int MAX_CLASS_BYTES = 4 * 1024 * 1024;

    private ClassFiles() {
    }

    /** The bytes of {@code className} under {@code location}, or null. */
    static byte[] read(String location, String className) {
        if (location == null) {
            return null;
        }
        String entry = className.replace('.', '/') + ".class";
        try {
            File where = new File(location);
            if (where.isDirectory()) {
                File file = new File(where, entry);
                return file.isFile() && file.length() <= MAX_CLASS_BYTES ? Files.readAllBytes(file.toPath()) : null;
            }
            if (!where.isFile()) {
                return null;
            }
            try (JarFile jar = new JarFile(where, false)) {
                JarEntry e = jar.getJarEntry(entry);
                if (e == null || e.getSize() > MAX_CLASS_BYTES) {
                    return null;
                }
                try (InputStream in = jar.getInputStream(e)) {
                    ByteArrayOutputStream out = new ByteArrayOutputStream(e.getSize() > 0 ? (int) e.getSize() : 8192);
                    byte[] buffer = new byte[8192];
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        out.write(buffer, 0, n);
                        if (out.size() > MAX_CLASS_BYTES) {
                            return null;
                        }
                    }
                    return out.toByteArray();
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
