package dev.mayday.bench;

import dev.mayday.bootstrap.LogRing;
import dev.mayday.bootstrap.StreamTap;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;

/**
 * The stream tap's share of one printed line, in CPU time of the calling thread (robust on a
 * loaded machine, where wall-time figures such as {@link StreamTapBenchmark}'s inflate with the
 * load): the call woven into {@code FileOutputStream.write} for one 62-byte line on standard
 * output, and for a write to any other file. The write itself is not made. Rounds of 5,000,000
 * calls; the first two are the JIT's warm-up.
 */
public final class StreamTapCost {

    private static final int CALLS = 5_000_000;

    private StreamTapCost() {
    }

    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        LogRing ring = new LogRing(1000);
        LogRing.install(ring);
        StreamTap.keep(true, true);
        byte[] line = "a line of program output, of about the usual length: 60 chars\n".getBytes(StandardCharsets.UTF_8);
        FileOutputStream stdout = new FileOutputStream(FileDescriptor.out);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (FileOutputStream other = new FileOutputStream("/dev/null")) {
            for (int r = 0; r < rounds; r++) {
                long c0 = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < CALLS; i++) {
                    StreamTap.wrote(stdout, line, 0, line.length);
                }
                long c1 = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < CALLS; i++) {
                    StreamTap.wrote(other, line, 0, line.length);
                }
                long c2 = threads.getCurrentThreadCpuTime();
                System.err.println(String.format("round %d: stdout line %.1f cpu-ns, other file %.1f cpu-ns%s", r,
                        (c1 - c0) / (double) CALLS, (c2 - c1) / (double) CALLS, r < 2 ? " (warm-up)" : ""));
            }
        }
        if (ring.added() < (long) rounds * CALLS) {
            throw new IllegalStateException("the tap kept " + ring.added() + " lines: it measured nothing");
        }
    }
}
