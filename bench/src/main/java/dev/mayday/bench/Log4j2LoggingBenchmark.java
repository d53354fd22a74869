package dev.mayday.bench;

import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilderFactory;
import org.apache.logging.log4j.core.config.builder.impl.BuiltConfiguration;
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
 * What Mayday adds to a Log4j2 call it captures: one INFO record with a number parameter through
 * a root logger whose only appender is Log4j2's own {@code Null} appender, in a fork without the
 * agent and one with it, 1 and 4 threads; and a DEBUG call below the level. Log4j2's defaults
 * apply (garbage-free reusable messages outside web applications).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class Log4j2LoggingBenchmark {

    private Logger logger;
    private Integer request = 4242;

    @Setup
    public void setUp() {
        ConfigurationBuilder<BuiltConfiguration> b = ConfigurationBuilderFactory.newConfigurationBuilder();
        b.setStatusLevel(Level.ERROR);
        b.add(b.newAppender("null", "Null"));
        b.add(b.newRootLogger(Level.INFO).add(b.newAppenderRef("null")));
        LoggerContext context = Configurator.initialize(b.build());
        logger = context.getLogger("dev.mayday.bench.log4j2");
    }

    @TearDown
    public void check(BenchmarkParams params) {
        AgentFork.check(params, !params.getBenchmark().contains("belowLevel"));
    }

    private void logOne() {
        logger.info("request {} handled", request);
    }

    @Benchmark
    @Fork(1)
    @Threads(1)
    public void withoutAgent1() {
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
    @Threads(4)
    public void withAgent4() {
        logOne();
    }

    @Benchmark
    @Fork(1)
    @Threads(1)
    public void belowLevelWithoutAgent1() {
        logger.debug("request {} handled", request);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = AgentFork.DEFAULT)
    @Threads(1)
    public void belowLevelWithAgent1() {
        logger.debug("request {} handled", request);
    }
}
