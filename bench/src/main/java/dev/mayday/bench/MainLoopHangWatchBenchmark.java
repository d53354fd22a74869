package dev.mayday.bench;

import benchapp.Calls;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * As {@link MainLoopCallBenchmark}, with {@code hang=5}: the watchdog thread runs and ticks (issue 10).
 * What wrapping a main loop adds per call: the same small method wrapped
 * ({@code mainLoop=benchapp.Calls#wrapped*}) and not, both in one fork with the agent; once
 * inlined into the caller and once as a real call.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = AgentFork.MAIN_LOOPS_HANG)
public class MainLoopHangWatchBenchmark {

    // A field, so the argument is not a constant the JIT could fold.
    private long x = 12345;

    @TearDown
    public void check(BenchmarkParams params) {
        AgentFork.check(params, false);
    }

    @Benchmark
    public long plainInlined() {
        return Calls.plainStep(x);
    }

    @Benchmark
    public long wrappedInlined() {
        return Calls.wrappedStep(x);
    }

    @Benchmark
    public long plainCall() {
        return Calls.plainStepCalled(x);
    }

    @Benchmark
    public long wrappedCall() {
        return Calls.wrappedStepCalled(x);
    }
}
