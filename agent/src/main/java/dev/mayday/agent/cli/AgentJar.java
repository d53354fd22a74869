package dev.mayday.agent.cli;

import java.io.File;

/** Where this agent jar is: what {@code attach} loads, and what the lines tell a person to run. */
final class AgentJar {

    private AgentJar() {
    }

    static String path() {
        try {
            // The launcher (in the jar's root) is on the class path this command was started with.
            String cp = System.getProperty("java.class.path", "");
            for (String entry : cp.split(File.pathSeparator)) {
                if (entry.endsWith(".jar")) {
                    return new File(entry).getAbsolutePath();
                }
            }
        } catch (RuntimeException ignored) {
            // fall through
        }
        return "mayday-agent.jar";
    }
}
