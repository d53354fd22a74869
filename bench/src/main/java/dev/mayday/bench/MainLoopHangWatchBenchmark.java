package dev.mayday.bench;

import org.openjdk.jmh.annotations.Fork;

/**
 * As {@link MainLoopCallBenchmark}, with {@code hang=5}: the watchdog thread runs and ticks (issue 10).
 * The same benchmark methods, inherited; only the fork's agent options differ.
 */
@Fork(value = 1, jvmArgsAppend = AgentFork.MAIN_LOOPS_HANG)
public class MainLoopHangWatchBenchmark extends MainLoopCallBenchmark {
}
