package dev.mayday.bench;

import dev.mayday.bootstrap.LogEntry;
import dev.mayday.bootstrap.LogRing;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What keeping one record in the ring costs: {@code LogRing.add(new LogEntry(...))} against a
 * baseline that only allocates the entry, at 1 and 4 threads sharing one ring (the claim counter
 * is the only contended word). Runs without the agent: it measures the ring alone.
 *
 * <p>Capacity 1000 is the {@code logBuffer} default and takes the remainder path; 1024 takes the
 * mask path.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LogRingBenchmark {

    @Param({"1000", "1024"})
    public int capacity;

    private LogRing ring;
    // Fields, not constants, so the JIT cannot fold the entry away.
    private long millis = 1_700_000_000_000L;
    private String level = "INFO";
    private String logger = "dev.mayday.bench.ring";
    private String thread = "main";
    private String message = "request {0} handled";
    private Object[] params = {42};

    @Setup
    public void setUp() {
        ring = new LogRing(capacity);
    }

    private LogEntry entry() {
        return new LogEntry(millis, level, logger, thread, message, params, null);
    }

    @Benchmark
    @Threads(1)
    public LogEntry allocateOnly1() {
        return entry();
    }

    @Benchmark
    @Threads(4)
    public LogEntry allocateOnly4() {
        return entry();
    }

    @Benchmark
    @Threads(1)
    public void add1() {
        ring.add(entry());
    }

    @Benchmark
    @Threads(4)
    public void add4() {
        ring.add(entry());
    }
}
