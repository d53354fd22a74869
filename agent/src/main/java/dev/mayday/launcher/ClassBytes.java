package dev.mayday.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads Mayday's class files out of its jar into one buffer lent from class to class. Whatever
 * Mayday allocates while a program starts stays in the program's heap, counted in its memory,
 * until the first collection, which a small program may never have. {@code readAllBytes} made a
 * 16 KiB buffer and an exact copy for each of the hundred classes a start loads (about 2 MiB);
 * the JVM copies the bytes it is given anyway.
 */
final class ClassBytes {

    private byte[] spare = new byte[32 * 1024]; // guarded by this

    /**
     * The bytes of {@code entry} at the start of the returned buffer ({@link #length} of them);
     * give it back with {@link #release}.
     */
    byte[] read(ZipFile jar, ZipEntry entry) throws IOException {
        long size = entry.getSize();
        try (InputStream in = jar.getInputStream(entry)) {
            if (size < 0) {
                return in.readAllBytes(); // size unknown: never for a ZipFile's entries, which have it
            }
            byte[] buffer = borrow((int) size);
            int read = in.readNBytes(buffer, 0, (int) size);
            if (read != size) {
                release(buffer);
                throw new IOException(entry.getName() + ": " + read + " of " + size + " bytes");
            }
            return buffer;
        }
    }

    /** How many of {@code read}'s bytes are {@code entry}'s, for a buffer {@link #read} returned. */
    static int length(ZipEntry entry, byte[] read) {
        return entry.getSize() >= 0 ? (int) entry.getSize() : read.length;
    }

    /**
     * Lends the buffer if it is free and large enough, else a new one. A class defined while
     * another is being defined (its superclass) gets a buffer of its own.
     */
    private synchronized byte[] borrow(int size) {
        byte[] b = spare;
        if (b != null && b.length >= size) {
            spare = null;
            return b;
        }
        return new byte[size];
    }

    /** Takes a buffer back once its bytes are defined; the larger of two is kept. */
    synchronized void release(byte[] buffer) {
        if (spare == null || spare.length < buffer.length) {
            spare = buffer;
        }
    }
}
