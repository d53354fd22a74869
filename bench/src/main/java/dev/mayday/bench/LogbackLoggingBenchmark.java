package dev.mayday.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.concurrent.TimeUnit;
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
 * What Mayday adds to a Logback call it captures: one INFO record with a number parameter through
 * a logger whose only appender drops it, in a fork without the agent and one with it, 1 and 4
 * threads; and a DEBUG call below the logger's level, which must cost nothing more.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class LogbackLoggingBenchmark {

    private Logger logger;
    private Integer request = 4242;

    /** Drops every event: the logging call's own cost without output. */
    static final class NullAppender extends AppenderBase<ILoggingEvent> {
        @Override
        protected void append(ILoggingEvent event) {
            // Dropped on purpose.
        }
    }

    @Setup
    public void setUp() {
        LoggerContext context = new LoggerContext();
        NullAppender appender = new NullAppender();
        appender.setContext(context);
        appender.start();
        logger = context.getLogger("dev.mayday.bench.logback");
        logger.setAdditive(false);
        logger.setLevel(Level.INFO);
        logger.addAppender(appender);
        context.start();
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
