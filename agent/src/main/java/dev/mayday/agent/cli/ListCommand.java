package dev.mayday.agent.cli;

import dev.mayday.agent.attach.Presence;
import java.io.PrintStream;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Properties;

/**
 * {@code list}: the JVMs of this user, one row each, as {@code jps} and {@code jcmd -l} show them:
 * pid, main class or jar (never the arguments: they may hold secrets), the Java version, and
 * whether Mayday runs in it (with its options' digest), or why it cannot be attached to. Reading
 * a JVM's version and properties means attaching to it, as {@code jcmd PID VM.system_properties}
 * does; nothing is loaded into it.
 */
final class ListCommand {

    private ListCommand() {
    }

    static int run(PrintStream out, PrintStream err) {
        if (!AttachModule.available()) {
            err.println("mayday: list: " + AttachModule.unavailableLine());
            return 1;
        }
        long self = ProcessHandle.current().pid();
        Map<Long, String> jvms = new TreeMap<Long, String>();
        for (String[] vm : AttachApi.list()) {
            try {
                jvms.put(Long.parseLong(vm[0]), mainOf(vm[1]));
            } catch (NumberFormatException e) {
                // not a pid
            }
        }
        for (Long pid : ProcessFacts.ownJvms()) {
            if (!jvms.containsKey(pid)) {
                String main = new ProcessFacts(pid).mainFromCommandLine();
                jvms.put(pid, main == null ? "?" : main);
            }
        }
        jvms.remove(self);
        List<String[]> rows = new ArrayList<String[]>();
        for (Map.Entry<Long, String> jvm : jvms.entrySet()) {
            rows.add(row(jvm.getKey(), jvm.getValue()));
        }
        if (rows.isEmpty()) {
            out.println("no JVM of user " + System.getProperty("user.name") + " found");
            return 0;
        }
        int[] width = new int[3];
        String[] header = {"PID", "MAIN", "JAVA", "MAYDAY"};
        rows.add(0, header);
        for (String[] r : rows) {
            for (int i = 0; i < width.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < width.length; i++) {
                line.append(r[i]);
                for (int pad = r[i].length(); pad < width[i] + 2; pad++) {
                    line.append(' ');
                }
            }
            out.println(line.append(r[3]).toString().trim());
        }
        return 0;
    }

    private static String[] row(long pid, String main) {
        ProcessFacts facts = new ProcessFacts(pid);
        String refusal = facts.refusal();
        if (refusal != null) {
            return new String[] {Long.toString(pid), main, "?", "cannot attach: " + refusal};
        }
        AttachApi vm;
        try {
            vm = AttachApi.attach(pid);
        } catch (AttachApi.Refused e) {
            return new String[] {Long.toString(pid), main, "?", "cannot attach: " + e.getMessage()};
        }
        try {
            Properties p = vm.systemProperties();
            String version = TargetVm.version(p);
            String problem = TargetVm.refusal(p, pid);
            if (problem != null) {
                return new String[] {Long.toString(pid), main, version, "cannot attach: " + problem};
            }
            String present = p.getProperty(Presence.PROPERTY);
            String mayday = present == null ? "no"
                    : "yes (options " + Presence.digestOf(present) + ", via " + Presence.viaOf(present) + ")";
            return new String[] {Long.toString(pid), main, version, mayday};
        } catch (AttachApi.Refused e) {
            return new String[] {Long.toString(pid), main, "?", "cannot attach: " + e.getMessage()};
        } finally {
            vm.detach();
        }
    }

    /** The main class or the jar's file name, without the program's arguments. */
    static String mainOf(String displayName) {
        String first = displayName.trim().split("\\s+", 2)[0];
        if (first.isEmpty()) {
            return "?";
        }
        return first.endsWith(".jar") ? new File(first).getName() : first;
    }
}
