package dev.mayday.agent.fatal;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.mayday.agent.capture.CrashEvent;
import dev.mayday.agent.capture.FollowUp;
import dev.mayday.agent.capture.Reporter;
import dev.mayday.agent.diag.Diagnostics;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
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
 */
public final class FatalErrorLogs {

    static final String DONE_FILE = ".jvm-fatal-done";
    /** The error file is attached up to this many bytes (a report stays under 1 MiB). */
    static final int ATTACH_MAX_BYTES = 256 * 1024;
    static final long MAX_AGE_MILLIS = 30L * 24 * 3600 * 1000;

    private FatalErrorLogs() {
    }

    /** Reports every new fatal error file; called once per start. */
    public static void reportNew(Path outbox, Reporter reporter, FollowUp followUp) {
        try {
            Path done = outbox.resolve(DONE_FILE);
            Set<String> seen = new HashSet<String>();
            if (Files.isRegularFile(done)) {
                seen.addAll(Files.readAllLines(done, StandardCharsets.UTF_8));
            }
            for (Path file : candidates()) {
                String key = file.toAbsolutePath().normalize() + "|" + Files.size(file) + "|"
                        + Files.getLastModifiedTime(file).toMillis();
                if (seen.contains(key)
                        || System.currentTimeMillis() - Files.getLastModifiedTime(file).toMillis() > MAX_AGE_MILLIS) {
                    continue;
                }
                String text = head(file, ATTACH_MAX_BYTES);
                ErrorFile parsed = ErrorFile.parse(text);
                if (parsed.jvmArgs == null || !parsed.jvmArgs.toLowerCase(java.util.Locale.ROOT).contains("mayday")) {
                    continue; // not a JVM that ran under Mayday
                }
                Files.createDirectories(outbox);
                // Remembered first: a report that fails to build must not come back at every start.
                Files.write(done, (key + "\n").getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
                Path report = reporter.report(event(file, parsed, text));
                if (report != null) {
                    followUp.afterReport(report, false, false);
                }
            }
        } catch (Throwable e) {
            Diagnostics.debug("fatal error files: " + e);
        }
    }

    static CrashEvent event(Path file, ErrorFile parsed, String text) throws IOException {
        String message = (parsed.signal == null ? "fatal error" : parsed.signal)
                + (parsed.problematicFrame == null ? "" : "; problematic frame: " + parsed.problematicFrame);
        JvmFatalError error = new JvmFatalError(message, parsed.javaFrames.toArray(new StackTraceElement[0]));
        JsonObject fatal = new JsonObject();
        fatal.addProperty("file", file.getFileName().toString());
        fatal.addProperty("signal", parsed.signal);
        fatal.addProperty("problematicFrame", parsed.problematicFrame);
        fatal.addProperty("jreVersion", parsed.jreVersion);
        fatal.addProperty("javaVm", parsed.javaVm);
        fatal.addProperty("javaCommand", parsed.javaCommand);
        JsonArray frames = new JsonArray();
        for (StackTraceElement e : parsed.javaFrames) {
            frames.add(e.getClassName() + "." + e.getMethodName());
        }
        fatal.add("javaFrames", frames);
        long size = Files.size(file);
        fatal.addProperty("logBytes", size);
        fatal.addProperty("logCut", size > ATTACH_MAX_BYTES);
        fatal.addProperty("log", text);
        long crashed = Files.getLastModifiedTime(file).toMillis();
        CrashEvent event = new CrashEvent(CrashEvent.JVM_FATAL, null, error, "jvmFatal", file.getFileName().toString(),
                null, crashed);
        // This JVM's threads and log lines say nothing about the one that died.
        return event.with("fatal", fatal).with("threads", new JsonArray()).with("logs", new JsonArray());
    }

    /** {@code hs_err_pid*.log} where the JVM writes them: -XX:ErrorFile's directory, the working and temporary directories. */
    static List<Path> candidates() {
        Set<Path> dirs = new java.util.LinkedHashSet<Path>();
        String pattern = "hs_err_pid*.log";
        for (String arg : JvmArguments.get()) {
            if (arg.startsWith("-XX:ErrorFile=")) {
                Path p = Paths.get(arg.substring("-XX:ErrorFile=".length())).toAbsolutePath();
                dirs.add(p.getParent());
                pattern = p.getFileName().toString().replace("%p", "*").replace("%%", "%");
            }
        }
        dirs.add(Paths.get(System.getProperty("user.dir", ".")).toAbsolutePath());
        dirs.add(Paths.get(System.getProperty("java.io.tmpdir", "/tmp")).toAbsolutePath());
        List<Path> found = new ArrayList<Path>();
        for (Path dir : dirs) {
            for (String glob : new String[] {pattern, "hs_err_pid*.log"}) {
                if (dir == null || !Files.isDirectory(dir)) {
                    continue;
                }
                try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, glob)) {
                    for (Path f : files) {
                        if (Files.isRegularFile(f) && !found.contains(f)) {
                            found.add(f);
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    Diagnostics.debug("cannot list " + dir + ": " + e);
                }
            }
        }
        return found;
    }

    private static String head(Path file, int max) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(max);
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }
}
