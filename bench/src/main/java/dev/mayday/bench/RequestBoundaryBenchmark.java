package dev.mayday.bench;

import dev.mayday.bootstrap.RequestFailures;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the agent adds to each request boundary a request passes (every servlet {@code service},
 * filter {@code doFilter} and Jetty core {@code handle}): the woven {@code RequestFailures.enter}
 * on entry and {@code exit} on return (the try/catch itself costs nothing until something throws).
 * Three nested boundaries, like a request through two filters and a servlet, against the same
 * work without them. Runs without the agent: the calls are the woven code.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RequestBoundaryBenchmark {

    private final Object request = new Object();
    private int work;

    @Benchmark
    @Threads(1)
    public int plain1() {
        return ++work;
    }

    @Benchmark
    @Threads(1)
    public int threeBoundaries1() {
        return threeBoundaries();
    }

    @Benchmark
    @Threads(4)
    public int plain4() {
        return ++work;
    }

    @Benchmark
    @Threads(4)
    public int threeBoundaries4() {
        return threeBoundaries();
    }

    private int threeBoundaries() {
        RequestFailures.enter(request, RequestFailures.SERVLET);
        RequestFailures.enter(request, RequestFailures.SERVLET);
        RequestFailures.enter(request, RequestFailures.SERVLET);
        int result = ++work;
        RequestFailures.exit(RequestFailures.SERVLET);
        RequestFailures.exit(RequestFailures.SERVLET);
        RequestFailures.exit(RequestFailures.SERVLET);
        return result;
    }
}
