package dev.mayday.bench;

import java.lang.instrument.Instrumentation;

/**
 * An agent that does nothing ({@code -javaagent:bench/target/benchmarks.jar}): what any
 * {@code -javaagent} costs at start-up before the agent's own work, for scale next to Mayday.
 */
public final class EmptyAgent {

    private EmptyAgent() {
    }

    public static void premain(String args, Instrumentation instrumentation) {
        // Nothing: loading java.instrument and calling premain is the whole cost measured.
    }
}
