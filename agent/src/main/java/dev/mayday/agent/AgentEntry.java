package dev.mayday.agent;

import dev.mayday.bootstrap.AgentHandoff;
import java.lang.instrument.Instrumentation;

/**
 * Initialising this class starts the agent with what the launcher left in {@link AgentHandoff}
 * ({@code "premain"} or {@code "agentmain"}, the agent arguments, the Instrumentation, Mayday's
 * class loader). A static initializer rather than a reflective call: see {@link AgentHandoff}.
 */
final class AgentEntry {

    static {
        Object[] handoff = AgentHandoff.take();
        if (handoff != null) {
            String entry = (String) handoff[0];
            String args = (String) handoff[1];
            Instrumentation inst = (Instrumentation) handoff[2];
            ClassLoader loader = (ClassLoader) handoff[3];
            if ("agentmain".equals(entry)) {
                Mayday.agentmain(args, inst, loader);
            } else {
                Mayday.premain(args, inst, loader);
            }
        }
    }

    private AgentEntry() {
    }
}
