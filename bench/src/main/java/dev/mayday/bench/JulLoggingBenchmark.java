package dev.mayday.bench;

import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * What Mayday adds to a java.util.logging call it captures: one INFO record through a logger
 * whose only handler drops it, in a fork without the agent and in a fork with it (default
 * options), at 1 and 4 threads (the SPEC's figures) and 2 (this machine's core count: 4 threads
 * on 2 cores measure the scheduler as much as the call). The per-record budget is the
 * difference of the two forks.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class JulLoggingBenchmark {

    private Logger logger;

    @Setup
    public void setUp() {
        logger = Logger.getLogger("dev.mayday.bench.jul");
        logger.setUseParentHandlers(false); // no console: the handler's own cost is not the question
        logger.addHandler(new NullHandler());
        logger.setLevel(Level.INFO);
    }

    @TearDown
    public void check(BenchmarkParams params) {
        AgentFork.check(params, !params.getBenchmark().contains("belowLevel"));
    }

    private void logOne() {
        logger.info("request handled");
    }

    @Benchmark
    @Fork(1)
    @Threads(1)
    public void withoutAgent1() {
        logOne();
    }

    @Benchmark
    @Fork(1)
    @Threads(2)
    public void withoutAgent2() {
        logOne();
    }

    @Benchmark
    @Fork(1)
    @Threads(4)
    public void withoutAgent4() {
        logOne();
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = AgentFork.DEFAULT)
    @Threads(1)
    public void withAgent1() {
        logOne();
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = AgentFork.DEFAULT)
    @Threads(2)
    public void withAgent2() {
        logOne();
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = AgentFork.DEFAULT)
    @Threads(4)
    public void withAgent4() {
        logOne();
    }

    @Benchmark
    @Fork(1)
    @Threads(1)
    public void belowLevelWithoutAgent1() {
        logger.fine("request handled");
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = AgentFork.DEFAULT)
    @Threads(1)
    public void belowLevelWithAgent1() {
        logger.fine("request handled");
    }
}
