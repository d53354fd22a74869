package dev.mayday.bench;

import java.util.logging.Logger;

/**
 * The program {@link WholeRunComparison} starts: it never fails, logs a little (a JUL record and a
 * printed line every half second) and otherwise idles, for {@code args[0]} seconds (default 8),
 * like a small service or a desktop program waiting for its user.
 */
public final class WholeRun {

    private WholeRun() {
    }

    public static void main(String[] args) throws Exception {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 8;
        Logger log = Logger.getLogger("bench.wholerun");
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        int tick = 0;
        while (System.nanoTime() < end) {
            tick++;
            log.info("tick " + tick);
            System.out.println("tick " + tick);
            Thread.sleep(500);
        }
    }
}
