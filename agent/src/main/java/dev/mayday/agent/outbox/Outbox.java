package dev.mayday.agent.outbox;

import dev.mayday.agent.diag.Diagnostics;
import dev.mayday.agent.report.IsoTime;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The directory every report is written to before anything else is tried. A report appears
 * whole or not at all: it is written to a temporary file, forced to disk, then renamed.
 * {@code OUTBOX/*.json} wait for delivery; {@code OUTBOX/sent/} keeps the newest delivered ones,
 * {@code OUTBOX/rejected/} the ones a collector refused as bad, each with a {@code .reason.txt}.
 *
 * <p>The waiting reports are bounded in count and bytes, oldest dropped first, so a collector
 * that stays down for months cannot fill a disk.
 */
public final class Outbox {

    /** How many delivered (and rejected) reports are kept for the user to look at. */
    public static final int KEEP_DONE = 100;
    /** At most this many reports wait for delivery... */
    public static final int MAX_WAITING = 100;
    /** ...and at most this many bytes of them. */
    public static final long MAX_WAITING_BYTES = 64L * 1024 * 1024;

    private static final String SENT = "sent";
    private static final String REJECTED = "rejected";
    private static final String REASON_SUFFIX = ".reason.txt";
    private static final String TEMPORARY_SUFFIX = ".tmp";
    /** A temporary file this old was left by a process that ended while writing it. */
    static final long ABANDONED_AFTER_MILLIS = 10 * 60 * 1000L;

    private final Path directory;

    public Outbox(Path directory) {
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }

    /** {@code <yyyyMMdd-HHmmss>-<id>.json}, the time in UTC. */
    public static String fileName(long timeMillis, String id) {
        return IsoTime.fileStamp(timeMillis) + "-" + id + ".json";
    }

    /**
     * Writes one report atomically.
     *
     * @return the report's file
     * @throws IOException with the reason (no room, no permission, ...) if it could not be written
     */
    public Path write(long timeMillis, String id, byte[] json) throws IOException {
        return write(timeMillis, id, json, true);
    }

    /**
     * Writes one report atomically; with {@code durable} false the file and directory are not
     * forced to disk (the JVM is ending with many reports to write, and an fsync each, on a busy
     * disk, would cost most of them: the operating system still writes them out).
     */
    public Path write(long timeMillis, String id, byte[] json, boolean durable) throws IOException {
        Files.createDirectories(directory);
        Path target = directory.resolve(fileName(timeMillis, id));
        writeAtomically(target, json, durable);
        return target;
    }

    /** Replaces a waiting report's content (the person's answer added), whole or not at all. */
    public void replace(Path report, byte[] json) throws IOException {
        writeAtomically(report, json, true);
    }

    private void writeAtomically(Path target, byte[] json, boolean durable) throws IOException {
        Path temporary = target.resolveSibling("." + target.getFileName() + ".tmp");
        try {
            // A FileOutputStream, not a FileChannel: the JVM's own streams are loaded and linked
            // already, while a channel's first write (its direct buffer cache, the interruptible
            // machinery) costs the first report a few ms of class loading.
            try (FileOutputStream out = new FileOutputStream(temporary.toFile())) {
                out.write(json);
                if (durable) {
                    out.getFD().sync();
                }
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
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
        if (durable) {
            forceDirectory();
        }
    }

    /**
     * The reports waiting for delivery, oldest first (their names start with the time). Only files
     * named as Mayday names them count: other files in the directory are the user's.
     */
    public List<Path> waiting() {
        return reportsIn(directory);
    }

    /** The report's id: its file name without the time in front and {@code .json} behind. */
    public static String idOf(Path report) {
        String name = report.getFileName().toString();
        String base = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        // yyyyMMdd-HHmmss-<id>
        return base.length() > 16 && base.charAt(8) == '-' && base.charAt(15) == '-' ? base.substring(16) : base;
    }

    /** Every destination has it: moves it to {@code sent/}, which keeps the newest {@value #KEEP_DONE}. */
    public void markSent(Path report) throws IOException {
        moveInto(SENT, report);
        prune(directory.resolve(SENT));
    }

    /** A collector refused it as bad: moves it to {@code rejected/} with the reason beside it. */
    public void reject(Path report, String reason) throws IOException {
        Path moved = moveInto(REJECTED, report);
        Files.write(moved.resolveSibling(moved.getFileName() + REASON_SUFFIX),
                (reason + System.lineSeparator()).getBytes(StandardCharsets.UTF_8));
        prune(directory.resolve(REJECTED));
    }

    /**
     * Drops the oldest waiting reports while there are more than {@value #MAX_WAITING} or they take
     * more than {@link #MAX_WAITING_BYTES}; returns how many were dropped.
     */
    public int enforceLimits() {
        int abandoned = removeAbandonedTemporaries(System.currentTimeMillis() - ABANDONED_AFTER_MILLIS);
        if (abandoned > 0) {
            Diagnostics.warn("removed " + abandoned + " unfinished report file(s) from " + directory
                    + ", left by a program that ended while writing them");
        }
        List<Path> reports = waiting();
        long[] sizes = new long[reports.size()];
        long total = 0;
        for (int i = 0; i < sizes.length; i++) {
            try {
                sizes[i] = Files.size(reports.get(i));
            } catch (IOException e) {
                sizes[i] = 0; // gone meanwhile
            }
            total += sizes[i];
        }
        int dropped = 0;
        for (int i = 0; i < sizes.length && (sizes.length - i > MAX_WAITING || total > MAX_WAITING_BYTES); i++) {
            try {
                Files.deleteIfExists(reports.get(i));
                dropped++;
            } catch (IOException ignored) {
                // cannot delete it either: nothing more to do
            }
            total -= sizes[i];
        }
        return dropped;
    }

    /**
     * Deletes Mayday's temporary files ({@code .<report name>.tmp}) last written before
     * {@code beforeMillis}: a kill between writing and renaming leaves them. Younger ones may be
     * another program's write under way. Returns how many went.
     */
    int removeAbandonedTemporaries(long beforeMillis) {
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, ".*" + TEMPORARY_SUFFIX)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                String report = name.substring(1, name.length() - TEMPORARY_SUFFIX.length());
                try {
                    if (isReportName(report) && Files.isRegularFile(file)
                            && Files.getLastModifiedTime(file).toMillis() < beforeMillis && Files.deleteIfExists(file)) {
                        removed++;
                    }
                } catch (IOException ignored) {
                    // gone meanwhile, or not ours to delete
                }
            }
        } catch (IOException | RuntimeException e) {
            return removed; // no directory yet
        }
        return removed;
    }

    /**
     * True for Mayday's own report file names, {@code <yyyyMMdd-HHmmss>-<uuid>.json}: the outbox
     * may be a directory the user keeps other JSON files in, and those are never touched.
     */
    public static boolean isReportName(String name) {
        if (name.length() != 16 + 36 + 5 || !name.endsWith(".json")) {
            return false;
        }
        for (int i = 0; i < 16 + 36; i++) {
            char c = name.charAt(i);
            boolean dash = i == 8 || i == 15 || i == 16 + 8 || i == 16 + 13 || i == 16 + 18 || i == 16 + 23;
            if (dash ? c != '-' : i < 16 ? (c < '0' || c > '9') : Character.digit(c, 16) < 0 || Character.isUpperCase(c)) {
                return false;
            }
        }
        return true;
    }

    private Path moveInto(String subdirectory, Path report) throws IOException {
        Path target = directory.resolve(subdirectory).resolve(report.getFileName());
        Files.createDirectories(target.getParent());
        try {
            Files.move(report, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(report, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    private static void prune(Path done) {
        List<Path> reports = reportsIn(done);
        for (int i = 0; i < reports.size() - KEEP_DONE; i++) {
            try {
                Files.deleteIfExists(reports.get(i));
                Files.deleteIfExists(reports.get(i).resolveSibling(reports.get(i).getFileName() + REASON_SUFFIX));
            } catch (IOException ignored) {
                // kept a little longer
            }
        }
    }

    private static List<Path> reportsIn(Path dir) {
        List<Path> reports = new ArrayList<Path>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
            for (Path file : files) {
                if (isReportName(file.getFileName().toString()) && Files.isRegularFile(file)) {
                    reports.add(file);
                }
            }
        } catch (IOException e) {
            return reports; // no directory yet: nothing waits
        }
        Collections.sort(reports);
        return reports;
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
