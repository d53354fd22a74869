package dev.mayday.bench;

import dev.mayday.bootstrap.LogRing;
import dev.mayday.bootstrap.StreamTap;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the stream tap costs one printed line: the call woven into {@code FileOutputStream.write}
 * with the bytes of one 62-byte line on standard output (kept in the ring: cut, decoded, one
 * entry), and with the bytes of a write to any other file (one comparison). The write itself is
 * not made: this is Mayday's share alone. {@code PrintLoop} measures the whole println.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class StreamTapBenchmark {

    private final byte[] line = "a line of program output, of about the usual length: 60 chars\n"
            .getBytes(StandardCharsets.UTF_8);
    private FileOutputStream stdout;
    private FileOutputStream otherFile;

    @Setup
    public void setUp() throws IOException {
        LogRing.install(new LogRing(1000));
        StreamTap.keep(true, true);
        stdout = new FileOutputStream(FileDescriptor.out);
        otherFile = new FileOutputStream("/dev/null");
    }

    @Benchmark
    @Threads(1)
    public void stdoutLine1() {
        StreamTap.wrote(stdout, line, 0, line.length);
    }

    @Benchmark
    @Threads(2)
    public void stdoutLine2() {
        StreamTap.wrote(stdout, line, 0, line.length);
    }

    @Benchmark
    @Threads(1)
    public void otherFile1() {
        StreamTap.wrote(otherFile, line, 0, line.length);
    }
}
