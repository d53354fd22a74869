package dev.mayday.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * Prints lines with {@code System.out.println} as a program does, in rounds, and reports on
 * stderr the wall and CPU time per line of each round and the medians of the rounds after the
 * first two (the JIT's warm-up). Run it with stdout to {@code /dev/null}, once without and once with the agent:
 * the difference is what Mayday's stream capture costs each printed line.
 */
public final class PrintLoop {

    private static final String LINE = "a line of program output, of about the usual length: 60 chars";

    private PrintLoop() {
    }

    public static void main(String[] args) {
        int lines = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] nsPerLine = new double[rounds];
        double[] cpuNsPerLine = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < lines; i++) {
                System.out.println(LINE);
            }
            cpuNsPerLine[r] = (threads.getCurrentThreadCpuTime() - cpuStart) / (double) lines;
            nsPerLine[r] = (System.nanoTime() - start) / (double) lines;
        }
        // CPU time of the printing thread (user + system: the write itself included) is what a line
        // costs; wall time adds whatever else the machine runs, so it is printed but not the figure.
        System.err.println("wall ns per line by round:" + rounds(nsPerLine) + "; median after warm-up "
                + String.format("%.1f", median(nsPerLine)));
        System.err.println("cpu ns per line by round:" + rounds(cpuNsPerLine) + "; median after warm-up "
                + String.format("%.1f", median(cpuNsPerLine)));
    }

    private static String rounds(double[] values) {
        StringBuilder all = new StringBuilder();
        for (double d : values) {
            all.append(String.format(" %.0f", d));
        }
        return all.toString();
    }

    private static double median(double[] values) {
        double[] measured = Arrays.copyOfRange(values, Math.min(2, values.length - 1), values.length);
        Arrays.sort(measured);
        return measured[measured.length / 2];
    }
}
