package dev.mayday.agent.attach;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The two files of one dynamic attach, in a private directory ({@code 0700}) the attaching side
 * creates: {@code options} ({@code 0600}), whose path is the agent argument, one
 * {@code key=value} per line, so values may hold commas and secrets never show in {@code jcmd}
 * or the target's {@code sun.jvm.args}; the target reads it and deletes it at once. Then the
 * target writes {@code answer}: a first line {@code started}, {@code already} or
 * {@code refused}, and one line for the person.
 */
public final class AttachFile {

    /** First line of an options file: tells it apart from any other file passed as an agent argument. */
    static final String MAGIC = "mayday-attach/1";
    private static final String OPTIONS = "options";
    private static final String ANSWER = "answer";

    public static final String STARTED = "started";
    public static final String ALREADY = "already";
    public static final String REFUSED = "refused";

    private AttachFile() {
    }

    /**
     * Attaching side: the private directory and its options file; returns the options file.
     *
     * @param owner the target's user when it is not the one attaching (root attaching to another
     *              user's JVM): the directory and the file are given to that user, or null
     */
    public static Path write(List<String> items, String owner) throws IOException {
        Path dir;
        try {
            dir = Files.createTempDirectory("mayday-attach-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException notPosix) {
            dir = Files.createTempDirectory("mayday-attach-");
        }
        Path file = dir.resolve(OPTIONS);
        List<String> lines = new ArrayList<String>(items.size() + 1);
        lines.add(MAGIC);
        lines.addAll(items);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
        if (owner != null) {
            java.nio.file.attribute.UserPrincipal user =
                    dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(owner);
            Files.setOwner(dir, user);
            Files.setOwner(file, user);
        }
        return file;
    }

    /**
     * Target side: the option items of {@code argument} when it names an options file (which is
     * deleted here, read or not), or null when the argument is something else.
     */
    static List<String> take(String argument) {
        if (!looksLikeOne(argument)) {
            return null;
        }
        Path file = Path.of(argument);
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !MAGIC.equals(lines.get(0))) {
                return null;
            }
            List<String> items = new ArrayList<String>(lines.size());
            for (String line : lines.subList(1, lines.size())) {
                if (!line.isEmpty()) {
                    items.add(line);
                }
            }
            return items;
        } catch (IOException e) {
            return null;
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // the directory is the attaching side's, which removes it
            }
        }
    }

    /** True when the agent argument has the form of an options file's path. */
    static boolean looksLikeOne(String argument) {
        return argument != null && argument.contains("mayday-attach-")
                && (argument.endsWith("/" + OPTIONS) || argument.endsWith("\\" + OPTIONS));
    }

    /** Target side: the answer beside the options file (atomically: the attaching side never reads half of it). */
    static void answer(Path optionsFile, String status, String line) {
        if (optionsFile == null) {
            return;
        }
        Path dir = optionsFile.getParent();
        try {
            Path tmp = dir.resolve(ANSWER + ".tmp");
            Files.write(tmp, Arrays.asList(status, line.replace('\n', ' ')), StandardCharsets.UTF_8);
            Files.move(tmp, dir.resolve(ANSWER), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException ignored) {
            // the attaching side says the target did not answer
        }
    }

    /** Attaching side: {status, line}, or null when the target wrote no answer. */
    public static String[] readAnswer(Path optionsFile) {
        try {
            List<String> lines = Files.readAllLines(optionsFile.getParent().resolve(ANSWER), StandardCharsets.UTF_8);
            return lines.size() < 2 ? null : new String[] {lines.get(0), lines.get(1)};
        } catch (IOException e) {
            return null;
        }
    }

    /** Attaching side: removes the directory and whatever is left in it. */
    public static void clean(Path optionsFile) {
        Path dir = optionsFile.getParent();
        for (String name : new String[] {OPTIONS, ANSWER, ANSWER + ".tmp"}) {
            try {
                Files.deleteIfExists(dir.resolve(name));
            } catch (IOException ignored) {
                // best effort
            }
        }
        try {
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // best effort
        }
    }
}
