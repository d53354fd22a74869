package dev.mayday.agent.cli;

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

/**
 * What the operating system tells about a process before anyone attaches to it (Linux
 * {@code /proc}; elsewhere only whether it exists): its owner, its PID namespace, whether it is
 * a JVM, its command line and initial environment. Each check has the line a person reads
 * when it refuses.
 */
final class ProcessFacts {

    private static final Path PROC = Paths.get("/proc");

    final long pid;
    private final Path dir;

    ProcessFacts(long pid) {
        this.pid = pid;
        this.dir = PROC.resolve(Long.toString(pid));
    }

    private static boolean haveProc() {
        return Files.isDirectory(PROC.resolve("self"));
    }

    /**
     * This user's JVMs that {@code /proc} shows (the attach API lists only those that accept an
     * attach, so a JVM started with {@code -XX:+DisableAttachMechanism} would be missing).
     */
    static List<Long> ownJvms() {
        List<Long> pids = new ArrayList<Long>();
        if (!haveProc()) {
            return pids;
        }
        String me = System.getProperty("user.name");
        try (java.nio.file.DirectoryStream<Path> dirs = Files.newDirectoryStream(PROC, "[0-9]*")) {
            for (Path d : dirs) {
                long pid;
                try {
                    pid = Long.parseLong(d.getFileName().toString());
                } catch (NumberFormatException e) {
                    continue;
                }
                ProcessFacts facts = new ProcessFacts(pid);
                if (me.equals(facts.owner()) && facts.sameNamespace() && facts.mapsLibjvm()) {
                    pids.add(pid);
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // what was found so far
        }
        return pids;
    }

    /** The main class or the jar's file name from the command line (no program arguments), or null. */
    String mainFromCommandLine() {
        List<String> words = commandLine();
        for (int i = 1; i < words.size(); i++) {
            String w = words.get(i);
            if (w.equals("-jar") || w.equals("-m") || w.equals("--module")) {
                return i + 1 < words.size() ? Paths.get(words.get(i + 1)).getFileName().toString() : null;
            }
            if (w.equals("-cp") || w.equals("-classpath") || w.equals("--class-path") || w.equals("-p")
                    || w.equals("--module-path") || w.equals("--add-modules") || w.equals("--add-opens")
                    || w.equals("--add-exports") || w.equals("--add-reads")) {
                i++;
            } else if (!w.startsWith("-")) {
                return w;
            }
        }
        return null;
    }

    /** Why this process cannot be attached to by this user, or null when nothing here says so. */
    String refusal() {
        if (!haveProc()) {
            return ProcessHandle.of(pid).isPresent() ? null : "no process has pid " + pid;
        }
        if (!Files.isDirectory(dir)) {
            return "no process has pid " + pid;
        }
        String owner = owner();
        String me = System.getProperty("user.name");
        // root may attach to anyone's JVM (HotSpot lets root in); the options file is then given to the owner
        if (owner != null && !owner.equals(me) && !"root".equals(me)) {
            return "process " + pid + " belongs to user " + owner + ", and a JVM lets only its own user attach;"
                    + " run the command as that user: sudo -u " + owner + " java -jar "
                    + AgentJar.path() + " attach " + pid + " ...";
        }
        if (!sameNamespace()) {
            return "process " + pid + " runs in another PID namespace (a container)"
                    + (innerPid() == null ? "" : ", where its pid is " + innerPid())
                    + "; run the command inside that container (docker exec / kubectl exec), with the agent jar there";
        }
        if (!isJvm()) {
            return "process " + pid + " (" + name() + ") is not a Java virtual machine";
        }
        return flagRefusal();
    }

    /** A JVM option that forbids attaching or loading an agent, in its command line or its JAVA_TOOL_OPTIONS. */
    String flagRefusal() {
        List<String> words = new ArrayList<String>(commandLine());
        Map<String, String> env = environment();
        for (String name : new String[] {"JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS"}) {
            if (env.containsKey(name)) {
                Collections.addAll(words, env.get(name).trim().split("\\s+"));
            }
        }
        String refusal = null;
        for (String w : words) {
            if (w.equals("-XX:+DisableAttachMechanism")) {
                refusal = "JVM " + pid + " was started with -XX:+DisableAttachMechanism, which refuses every attach;"
                        + " restart it without that option (or with -javaagent)";
            } else if (w.equals("-XX:-DisableAttachMechanism")) {
                refusal = null;
            } else if (w.equals("-XX:-EnableDynamicAgentLoading")) {
                refusal = "JVM " + pid + " was started with -XX:-EnableDynamicAgentLoading, which refuses agents"
                        + " loaded at run time; restart it with -XX:+EnableDynamicAgentLoading (or with -javaagent)";
            } else if (w.equals("-XX:+EnableDynamicAgentLoading")) {
                refusal = null;
            }
        }
        return refusal;
    }

    boolean allowsDynamicAgentsQuietly() {
        return commandLine().contains("-XX:+EnableDynamicAgentLoading");
    }

    String owner() {
        try {
            return Files.getOwner(dir).getName();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private boolean sameNamespace() {
        try {
            return Files.readSymbolicLink(PROC.resolve("self/ns/pid"))
                    .equals(Files.readSymbolicLink(dir.resolve("ns/pid")));
        } catch (IOException | RuntimeException e) {
            return true; // cannot tell: let the attach itself say
        }
    }

    /** The pid inside its own namespace, from {@code NSpid} in {@code status}. */
    private String innerPid() {
        try {
            for (String line : Files.readAllLines(dir.resolve("status"), StandardCharsets.UTF_8)) {
                if (line.startsWith("NSpid:")) {
                    String[] ids = line.substring(6).trim().split("\\s+");
                    return ids.length > 1 ? ids[ids.length - 1] : null;
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // unknown
        }
        return null;
    }

    private boolean isJvm() {
        Boolean jvm = libjvm();
        return jvm == null || jvm; // cannot tell: let the attach itself say
    }

    private boolean mapsLibjvm() {
        return Boolean.TRUE.equals(libjvm());
    }

    private Boolean libjvm() {
        try {
            for (String line : Files.readAllLines(dir.resolve("maps"), StandardCharsets.ISO_8859_1)) {
                if (line.endsWith("/libjvm.so")) {
                    return Boolean.TRUE;
                }
            }
            return Boolean.FALSE;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private String name() {
        try {
            return new String(Files.readAllBytes(dir.resolve("comm")), StandardCharsets.UTF_8).trim();
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    List<String> commandLine() {
        return nulSeparated("cmdline");
    }

    /** The environment the process started with (what {@code MAYDAY_*} options it would read). */
    Map<String, String> environment() {
        Map<String, String> env = new HashMap<String, String>();
        for (String entry : nulSeparated("environ")) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                env.put(entry.substring(0, eq), entry.substring(eq + 1));
            }
        }
        return env;
    }

    private List<String> nulSeparated(String file) {
        List<String> words = new ArrayList<String>();
        try {
            byte[] bytes = Files.readAllBytes(dir.resolve(file));
            int start = 0;
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] == 0) {
                    words.add(new String(bytes, start, i - start, StandardCharsets.UTF_8));
                    start = i + 1;
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // nothing known
        }
        return words;
    }
}
