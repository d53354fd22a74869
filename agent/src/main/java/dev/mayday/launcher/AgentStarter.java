package dev.mayday.launcher;

import dev.mayday.bootstrap.AgentHandoff;
import java.lang.instrument.Instrumentation;

/**
 * Starts the agent in its own class loader once the bootstrap classes exist. Kept apart from
 * {@link Launcher} because it names a bootstrap class, which must not be looked up before
 * {@link BootstrapInjector} has defined it.
 */
final class AgentStarter {

    private static final String AGENT_ENTRY = "dev.mayday.agent.AgentEntry";

    private AgentStarter() {
    }

    static void start(String entry, String args, Instrumentation inst, ClassLoader agentLoader)
            throws ClassNotFoundException {
        AgentHandoff.put(new Object[] {entry, args, inst, agentLoader});
        Class.forName(AGENT_ENTRY, true, agentLoader);
    }
}
