package dev.mayday.agent.fatal;

import dev.mayday.agent.capture.FollowUp;
import dev.mayday.agent.capture.Reporter;
import dev.mayday.agent.diag.Diagnostics;
import dev.mayday.agent.instrument.Glob;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The next start after a JVM under Mayday died of a fatal error: finds its
 * {@code hs_err_pid<N>.log} (in the working directory, the temporary directory, or where
 * {@code -XX:ErrorFile} put it) and turns it into a {@code jvm-fatal} report, once. Runs on
 * Mayday's thread after start-up, never in premain.
 *
 * <p>Only files of JVMs that ran Mayday are reported (their {@code jvm_args} name Mayday's
 * agent), so an old error file of another program in the same directory is left alone. Which
 * files were done is remembered in {@code OUTBOX/.jvm-fatal-done} (path, size and time), so each is
 * reported once however often the program starts.
 *
 * <p>The search runs at every start of every program and almost never finds anything, so it uses
 * only {@code java.io.File}, which the JVM has loaded already: {@code Files.newDirectoryStream}
 * with a glob loaded some sixty classes (channels, regular expressions) into every program, and
 * each of them costs heap under an agent (the JVM copies a class's bytes for the transformer).
 * Building the report, with Gson, is {@link FatalErrorReport}'s job, loaded only for a file found.
 */
public final class FatalErrorLogs {

    static final String DONE_FILE = ".jvm-fatal-done";
    /** The error file is attached up to this many bytes (a report stays under 1 MiB). */
    static final int ATTACH_MAX_BYTES = 256 * 1024;
    static final long MAX_AGE_MILLIS = 30L * 24 * 3600 * 1000;
    private static final String DEFAULT_PATTERN = "hs_err_pid*.log";

    private FatalErrorLogs() {
    }

    /** Reports every new fatal error file; called once per start. */
    public static void reportNew(Path outbox, Reporter reporter, FollowUp followUp) {
        try {
            File done = new File(outbox.toFile(), DONE_FILE);
            Set<String> seen = null;
            for (File file : candidates()) {
                long modified = file.lastModified();
                if (System.currentTimeMillis() - modified > MAX_AGE_MILLIS) {
                    continue;
                }
                String key = file.getAbsoluteFile().toPath().normalize() + "|" + file.length() + "|" + modified;
                if (seen == null) {
                    seen = doneKeys(done);
                }
                if (seen.contains(key)) {
                    continue;
                }
                String text = head(file, ATTACH_MAX_BYTES);
                ErrorFile parsed = ErrorFile.parse(text);
                if (parsed.jvmArgs == null || !parsed.jvmArgs.toLowerCase(java.util.Locale.ROOT).contains("mayday")) {
                    continue; // not a JVM that ran under Mayday
                }
                outbox.toFile().mkdirs();
                // Remembered first: a report that fails to build must not come back at every start.
                try (OutputStream out = new FileOutputStream(done, true)) {
                    out.write((key + "\n").getBytes(StandardCharsets.UTF_8));
                }
                Path report = reporter.report(FatalErrorReport.event(file, modified, parsed, text));
                if (report != null) {
                    followUp.afterReport(report, false, false);
                }
            }
        } catch (Throwable e) {
            Diagnostics.debug("fatal error files: " + e);
        }
    }

    /** The keys of the files reported before (one a line in the done file; none if it is not there). */
    private static Set<String> doneKeys(File done) throws IOException {
        Set<String> seen = new HashSet<String>();
        if (done.isFile()) {
            try (InputStream in = new FileInputStream(done)) {
                seen.addAll(Arrays.asList(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")));
            }
        }
        return seen;
    }

    /** {@code hs_err_pid*.log} where the JVM writes them: -XX:ErrorFile's directory, the working and temporary directories. */
    static List<File> candidates() {
        Set<File> dirs = new LinkedHashSet<File>();
        String pattern = DEFAULT_PATTERN;
        for (String arg : JvmArguments.get()) {
            if (arg.startsWith("-XX:ErrorFile=")) {
                File f = new File(arg.substring("-XX:ErrorFile=".length())).getAbsoluteFile();
                dirs.add(f.getParentFile());
                pattern = f.getName().replace("%p", "*").replace("%%", "%");
            }
        }
        dirs.add(new File(System.getProperty("user.dir", ".")).getAbsoluteFile());
        dirs.add(new File(System.getProperty("java.io.tmpdir", "/tmp")).getAbsoluteFile());
        Glob[] globs = {new Glob(pattern), new Glob(DEFAULT_PATTERN)};
        List<File> found = new ArrayList<File>();
        for (File dir : dirs) {
            String[] names = dir == null ? null : dir.list();
            if (names == null) {
                continue; // not a directory, or not readable
            }
            for (String name : names) {
                if (globs[0].matches(name) || globs[1].matches(name)) {
                    File f = new File(dir, name);
                    if (f.isFile() && !found.contains(f)) {
                        found.add(f);
                    }
                }
            }
        }
        return found;
    }

    private static String head(File file, int max) throws IOException {
        try (InputStream in = new FileInputStream(file)) {
            byte[] bytes = in.readNBytes(max);
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }
}
