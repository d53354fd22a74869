package dev.mayday.agent.fatal;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM's options, to find {@code -XX:ErrorFile}. On Linux from {@code /proc/self/cmdline} and
 * the variables the launcher reads options from, because asking JMX loads a hundred classes at
 * every start of every program for an answer that is almost never needed; elsewhere from JMX.
 * The command line also holds the program's own arguments: an argument that looks like
 * {@code -XX:ErrorFile=} only adds a directory to look in.
 */
final class JvmArguments {

    private static final String[] OPTION_VARIABLES = {"JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS"};

    private JvmArguments() {
    }

    static List<String> get() {
        List<String> args = fromProc();
        return args != null ? args : ManagementFactory.getRuntimeMXBean().getInputArguments();
    }

    /** The command line and the option variables, or null where there is no readable {@code /proc}. */
    private static List<String> fromProc() {
        List<String> args = new ArrayList<String>();
        // A FileInputStream, not Files.readAllBytes: the JVM has its classes loaded already (see FatalErrorLogs).
        try (InputStream in = new FileInputStream("/proc/self/cmdline")) {
            for (String arg : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\u0000")) {
                if (!arg.isEmpty()) {
                    args.add(arg);
                }
            }
        } catch (IOException | SecurityException e) {
            return null;
        }
        for (String name : OPTION_VARIABLES) {
            String value = System.getenv(name);
            if (value != null) {
                for (String arg : value.trim().split("\\s+")) {
                    if (!arg.isEmpty()) {
                        args.add(arg);
                    }
                }
            }
        }
        return args;
    }
}
