package dev.mayday.it;

import com.google.gson.JsonObject;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs a test app in a child JVM under the real agent jar, as a user would, and collects what a
 * user would look at: the exit status, the output, and the report files in the outbox.
 */
public final class ChildJvm {

    static final Path AGENT_JAR = Paths.get(System.getProperty("mayday.agent.jar", "../agent/target/mayday-agent.jar"))
            .toAbsolutePath().normalize();
    static final String APP_CLASSES = System.getProperty("test.apps.classes", "target/classes");

    private final Jdk jdk;
    private final Path home;
    private final List<String> jvmArgs = new ArrayList<>();
    private final List<String> classPath = new ArrayList<>();
    private final Map<String, String> environment = new HashMap<>();
    private String agentArgs = "";
    private boolean withAgent = true;
    private long timeoutSeconds = 60;
    private String terminalInput;
    private Path workingDirectory;

    ChildJvm(Jdk jdk, Path home) {
        this.jdk = jdk;
        this.home = home;
        classPath.add(APP_CLASSES);
    }

    /** The outbox every run uses unless the agent arguments name another. */
    Path outbox() {
        return home.resolve("outbox");
    }

    ChildJvm agentArgs(String args) {
        this.agentArgs = args;
        return this;
    }

    ChildJvm withoutAgent() {
        this.withAgent = false;
        return this;
    }

    ChildJvm jvmArg(String arg) {
        jvmArgs.add(arg);
        return this;
    }

    ChildJvm classPath(String entry) {
        classPath.add(entry);
        return this;
    }

    ChildJvm env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /**
     * Runs the program on a terminal of its own (util-linux {@code script} gives it a
     * pseudo-terminal, so {@code System.console()} is there) and types {@code input} into it.
     * What the program prints to stdout and stderr both arrive on stdout, as on a real terminal.
     */
    ChildJvm onTerminal(String input) {
        this.terminalInput = input;
        return this;
    }

    /** Runs the program in this directory rather than the test's own. */
    ChildJvm workingDirectory(Path directory) {
        this.workingDirectory = directory;
        return this;
    }

    ChildJvm timeout(long seconds) {
        this.timeoutSeconds = seconds;
        return this;
    }

    Result run(String mainClass, String... args) throws IOException, InterruptedException {
        return start(mainClass, args).await();
    }

    /** Starts the program and returns at once; {@link Running#await} collects the result. */
    Running start(String mainClass, String... args) throws IOException {
        List<String> command = jvmCommand();
        if (withAgent) {
            String outbox = "outbox=" + outbox();
            String all = agentArgs.isEmpty() ? outbox : (agentArgs.contains("outbox=") ? agentArgs : outbox + "," + agentArgs);
            command.add("-javaagent:" + AGENT_JAR + "=" + all);
        }
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classPath));
        command.add(mainClass);
        Collections.addAll(command, args);
        return launch(command, mainClass);
    }

    /** {@code java -javaagent:... -jar JAR ARGS}: the program is a jar, as launchers start them. */
    Result runJar(Path jar, String... args) throws IOException, InterruptedException {
        List<String> command = jvmCommand();
        String outbox = "outbox=" + outbox();
        command.add("-javaagent:" + AGENT_JAR + "=" + (agentArgs.isEmpty() ? outbox : outbox + "," + agentArgs));
        command.add("-jar");
        command.add(jar.toString());
        Collections.addAll(command, args);
        return launch(command, jar.getFileName().toString()).await();
    }

    /** {@code java -jar mayday-agent.jar COMMAND ...} ({@code show}, {@code send}) as a person types it. */
    Result runAgentJar(String... args) throws IOException, InterruptedException {
        List<String> command = jvmCommand();
        command.add("-jar");
        command.add(AGENT_JAR.toString());
        Collections.addAll(command, args);
        return launch(command, "mayday-agent.jar " + String.join(" ", args)).await();
    }

    /** One of the JDK's own tools ({@code keytool}, {@code jrunscript}) from the same JDK, with this run's environment. */
    Result runTool(String tool, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(jdk.java.resolveSibling(tool).toString());
        Collections.addAll(command, args);
        return launch(command, tool).await();
    }

    private List<String> jvmCommand() {
        List<String> command = new ArrayList<>();
        command.add(jdk.java.toString());
        // ~/.mayday (machine id, consent.properties) stays inside the test's own directory.
        command.add("-Duser.home=" + home);
        command.add("-Xshare:auto");
        command.addAll(jvmArgs);
        return command;
    }

    private Running launch(List<String> command, String name) throws IOException {
        if (terminalInput != null) {
            command = List.of("script", "-qefc", command.stream().map(ChildJvm::shellQuoted)
                    .collect(Collectors.joining(" ")), "/dev/null");
        }
        Path stdout = Files.createTempFile(home, "stdout", ".txt");
        Path stderr = Files.createTempFile(home, "stderr", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        if (workingDirectory != null) {
            pb.directory(workingDirectory.toFile());
        }
        // No display unless a test gives one: a dialog must never appear by accident.
        pb.environment().keySet().removeIf(k -> k.startsWith("MAYDAY_") || k.equals("JAVA_TOOL_OPTIONS")
                || k.equals("DISPLAY") || k.equals("WAYLAND_DISPLAY"));
        pb.environment().putAll(environment);
        Process process = pb.start();
        if (terminalInput != null) {
            process.getOutputStream().write(terminalInput.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().flush();
        }
        return new Running(process, name, stdout, stderr);
    }

    private static String shellQuoted(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** A program under way. */
    final class Running {
        final Process process;
        private final String name;
        private final Path stdout;
        private final Path stderr;

        Running(Process process, String name, Path stdout, Path stderr) {
            this.process = process;
            this.name = name;
            this.stdout = stdout;
            this.stderr = stderr;
        }

        /** The file its stdout goes to, to follow it while it runs. */
        Path stdoutFile() {
            return stdout;
        }

        /** What it printed on stdout so far. */
        String stdoutSoFar() throws IOException {
            return Files.readString(stdout, StandardCharsets.UTF_8);
        }

        /** What it printed on stderr so far. */
        String stderrSoFar() throws IOException {
            return Files.readString(stderr, StandardCharsets.UTF_8);
        }

        Result await() throws IOException, InterruptedException {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError(name + " did not end within " + timeoutSeconds + " s; stderr:\n"
                        + Files.readString(stderr));
            }
            return new Result(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                    Files.readString(stderr, StandardCharsets.UTF_8), outbox());
        }
    }

    /** What the run left behind. */
    static final class Result {
        final int exitCode;
        final String stdout;
        final String stderr;
        final Path outbox;

        Result(int exitCode, String stdout, String stderr, Path outbox) {
            this.exitCode = exitCode;
            this.stdout = stdout;
            this.stderr = stderr;
            this.outbox = outbox;
        }

        /** The report files waiting in the outbox, oldest name first. */
        List<Path> reportFiles() throws IOException {
            return Outboxes.waiting(outbox);
        }

        List<JsonObject> reports() throws IOException {
            List<JsonObject> reports = new ArrayList<>();
            for (Path p : reportFiles()) {
                reports.add(Outboxes.read(p));
            }
            return reports;
        }

        /**
         * The reports of failures: every file in the outbox but {@code repeats} records (what
         * {@code quiet} held back, written at exit: issue 8), which are no report of their own.
         */
        List<JsonObject> crashReports() throws IOException {
            List<JsonObject> reports = new ArrayList<>();
            for (JsonObject r : reports()) {
                if (!isRepeatsRecord(r)) {
                    reports.add(r);
                }
            }
            return reports;
        }

        /** Occurrences {@code quiet} held back that the run's {@code repeats} records count. */
        long heldBackAtExit() throws IOException {
            long held = 0;
            for (JsonObject r : reports()) {
                if (isRepeatsRecord(r)) {
                    held += r.get("repeats").getAsLong();
                }
            }
            return held;
        }

        private static boolean isRepeatsRecord(JsonObject r) {
            return r.has("kind") && "repeats".equals(r.get("kind").getAsString());
        }

        /** The one report of a failure the run must have written ({@link #crashReports()}). */
        JsonObject onlyReport() throws IOException {
            List<JsonObject> reports = crashReports();
            if (reports.size() != 1) {
                throw new AssertionError("expected 1 report, found " + reports.size() + "\n" + this);
            }
            return reports.get(0);
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout (tail)\n" + tail(stdout) + "\n--- stderr (tail)\n" + tail(stderr);
        }

        private static String tail(String s) {
            return s.length() > 4000 ? "..." + s.substring(s.length() - 4000) : s;
        }
    }
}
