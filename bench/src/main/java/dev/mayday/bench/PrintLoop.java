package dev.mayday.bench;

import java.util.Arrays;

/**
 * Prints lines with {@code System.out.println} as a program does, in rounds, and reports on
 * stderr the time per line of each round and the median of the rounds after the first two (the
 * JIT's warm-up). Run it with stdout to {@code /dev/null}, once without and once with the agent:
 * the difference is what Mayday's stream capture costs each printed line.
 */
public final class PrintLoop {

    private static final String LINE = "a line of program output, of about the usual length: 60 chars";

    private PrintLoop() {
    }

    public static void main(String[] args) {
        int lines = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        double[] nsPerLine = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long start = System.nanoTime();
            for (int i = 0; i < lines; i++) {
                System.out.println(LINE);
            }
            nsPerLine[r] = (System.nanoTime() - start) / (double) lines;
        }
        double[] measured = Arrays.copyOfRange(nsPerLine, Math.min(2, rounds - 1), rounds);
        Arrays.sort(measured);
        StringBuilder all = new StringBuilder();
        for (double d : nsPerLine) {
            all.append(String.format(" %.0f", d));
        }
        System.err.println("ns per line by round:" + all + "; median after warm-up "
                + String.format("%.1f", measured[measured.length / 2]));
    }
}
