package demo;

import java.util.concurrent.CountDownLatch;
import java.util.logging.Logger;

/**
 * A program at its worst for report size: {@code args[0]} threads parked deep in recursion,
 * log records with long messages, and a failure whose message is a megabyte.
 */
public class BigReport {
    static void park(int depth, CountDownLatch never) throws InterruptedException {
        if (depth == 0) {
            never.await();
        } else {
            park(depth - 1, never);
        }
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        CountDownLatch never = new CountDownLatch(1);
        for (int i = 0; i < n; i++) {
            Thread t = new Thread(null, () -> {
                try {
                    park(40, never);
                } catch (InterruptedException ignored) {
                    // exit
                }
            }, "parked-" + i, 256 * 1024);
            t.setDaemon(true);
            t.start();
        }
        Logger log = Logger.getLogger("demo.big");
        String longLine = "x".repeat(20_000);
        for (int i = 0; i < 1000; i++) {
            log.info("record " + i + " " + longLine);
        }
        fail("y".repeat(1024 * 1024));
    }

    public static void fail(String message) {
        throw new IllegalArgumentException(message);
    }
}
