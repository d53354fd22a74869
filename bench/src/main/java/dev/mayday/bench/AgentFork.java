package dev.mayday.bench;

import dev.mayday.bootstrap.LogRing;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The {@code -javaagent} argument JMH benchmarks add to their forks, and the check that it took.
 *
 * <p>Annotation values must be constants, so the agent jar is found by a path relative to the
 * working directory: run the benchmarks from the repository root ({@code /work/main}), where
 * {@code agent/target/mayday-agent.jar} is built.
 */
final class AgentFork {

    static final String JAR = "agent/target/mayday-agent.jar";
    static final String OUTBOX = "bench/target/jmh-outbox";

    /** Default options plus an outbox under target: what "with the agent" means for logging. */
    static final String DEFAULT = "-javaagent:" + JAR + "=outbox=" + OUTBOX;

    /** As {@link #DEFAULT}, with the benchmark's own main loops wrapped. */
    static final String MAIN_LOOPS = "-javaagent:" + JAR + "=outbox=" + OUTBOX + ",mainLoop=benchapp.Calls#wrapped*";

    /** As {@link #MAIN_LOOPS}, with the hang watchdog on (issue 10: the budget holds with the watch on). */
    static final String MAIN_LOOPS_HANG = MAIN_LOOPS + ",hang=5";

    private AgentFork() {
    }

    /** True if this fork was started with the agent. */
    static boolean withAgent(BenchmarkParams params) {
        for (String arg : params.getJvmArgs()) {
            if (arg.startsWith("-javaagent:")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Fails the run if a fork meant to have the agent does not, or the other way round; with
     * {@code expectRecords}, also if the agent's ring kept nothing (capture silently off).
     */
    static void check(BenchmarkParams params, boolean expectRecords) {
        LogRing ring = LogRing.current();
        if (withAgent(params)) {
            if (ring == null) {
                throw new IllegalStateException("fork has -javaagent but no Mayday log ring: agent not started ("
                        + JAR + " relative to " + System.getProperty("user.dir") + ")");
            }
            if (expectRecords && ring.added() == 0) {
                throw new IllegalStateException("agent loaded but captured no log record");
            }
        } else if (ring != null) {
            throw new IllegalStateException("fork without -javaagent has a Mayday log ring");
        }
    }
}
