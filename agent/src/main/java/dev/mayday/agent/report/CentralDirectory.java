package dev.mayday.agent.report;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Reads a jar's table of contents (its ZIP central directory) as bytes, to find the Maven
 * metadata entries {@link JarEvidence} wants. {@code JarFile.entries()} makes an entry object for
 * every one of a fat jar's thousands of entries: about 10 ms, interpreted, on a first report.
 * Here only the names that start with the prefix become strings. Anything unusual (ZIP64, a
 * damaged archive) returns null, and {@code JarFile} reads it instead.
 */
final class CentralDirectory {

    private static final int END_SIGNATURE = 0x06054b50;
    private static final int END_SIZE = 22;
    private static final int ENTRY_HEADER_SIZE = 46;
    private static final int MAX_COMMENT = 0xFFFF;
    /** A central directory larger than this is read by JarFile (it is then an unusual jar). */
    private static final int MAX_DIRECTORY_BYTES = 64 * 1024 * 1024;
    private static final String POM_PROPERTIES = "/pom.properties";
    private static final int READ_BYTES = 64 * 1024;

    private CentralDirectory() {
    }

    /** The groups of {@code prefix + GROUP/ARTIFACT/pom.properties} entries, or null to ask JarFile. */
    static Set<String> mavenGroups(File file, String prefix) {
        byte[] prefixBytes = prefix.getBytes(StandardCharsets.UTF_8);
        try (RandomAccessFile in = new RandomAccessFile(file, "r")) {
            long length = in.length();
            int tailLength = (int) Math.min(length, END_SIZE + MAX_COMMENT);
            if (tailLength < END_SIZE) {
                return null;
            }
            byte[] tail = new byte[tailLength];
            in.seek(length - tailLength);
            in.readFully(tail);
            int end = -1;
            for (int i = tailLength - END_SIZE; i >= 0; i--) {
                if (int32(tail, i) == END_SIGNATURE && i + END_SIZE + int16(tail, i + 20) == tailLength) {
                    end = i;
                    break;
                }
            }
            if (end < 0) {
                return null;
            }
            int entries = int16(tail, end + 10);
            long size = int32(tail, end + 12) & 0xFFFFFFFFL;
            long offset = int32(tail, end + 16) & 0xFFFFFFFFL;
            if (entries == 0xFFFF || size == 0xFFFFFFFFL || offset == 0xFFFFFFFFL || size > MAX_DIRECTORY_BYTES) {
                return null; // ZIP64, or more than this needs to read
            }
            // The directory ends where the end record starts (also in a jar with bytes before it).
            long start = length - tailLength + end - size;
            if (start < 0) {
                return null;
            }
            byte[] directory = new byte[(int) size];
            in.seek(start);
            // In pieces: one read of a few hundred KB goes through a native buffer of that size
            // (twice as slow here as 64 KB reads).
            for (int at = 0; at < directory.length; ) {
                int read = in.read(directory, at, Math.min(READ_BYTES, directory.length - at));
                if (read < 0) {
                    return null;
                }
                at += read;
            }
            return groups(directory, entries, prefixBytes);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Set<String> groups(byte[] d, int entries, byte[] prefix) {
        Set<String> groups = null;
        int at = 0;
        int length = d.length;
        byte first = prefix[0];
        int shortest = prefix.length + POM_PROPERTIES.length();
        // Interpreted on a first report, for each of a fat jar's thousands of entries: the header
        // fields are read in place, and a name is compared only when its first byte matches.
        for (int n = 0; n < entries; n++) {
            if (at + ENTRY_HEADER_SIZE > length || d[at] != 0x50 || d[at + 1] != 0x4b || d[at + 2] != 1 || d[at + 3] != 2) {
                return null;
            }
            int nameLength = (d[at + 28] & 0xFF) | (d[at + 29] & 0xFF) << 8;
            int name = at + ENTRY_HEADER_SIZE;
            int next = name + nameLength + ((d[at + 30] & 0xFF) | (d[at + 31] & 0xFF) << 8)
                    + ((d[at + 32] & 0xFF) | (d[at + 33] & 0xFF) << 8);
            if (next > length) {
                return null;
            }
            if (nameLength > shortest && d[name] == first && startsWith(d, name, prefix)) {
                String entry = new String(d, name, nameLength, StandardCharsets.UTF_8);
                if (entry.endsWith(POM_PROPERTIES)) {
                    String rest = entry.substring(prefix.length);
                    int slash = rest.indexOf('/');
                    if (slash > 0) {
                        if (groups == null) {
                            groups = new LinkedHashSet<String>(2);
                        }
                        groups.add(rest.substring(0, slash));
                    }
                }
            }
            at = next;
        }
        return groups == null ? Collections.<String>emptySet() : Collections.unmodifiableSet(groups);
    }

    private static boolean startsWith(byte[] d, int at, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (d[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int int16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    private static int int32(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | (b[at + 3] & 0xFF) << 24;
    }
}
