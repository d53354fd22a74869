package demo;

/**
 * A main loop ({@code demo.Stall#tick}) whose call number 5 waits {@code args[0]} seconds for a
 * slow disk; the others take 20 ms. {@code args[1]} calls in all (default 20).
 */
public class Stall {
    static void waitForDisk(long millis) throws InterruptedException {
        Thread.sleep(millis);
    }

    static void tick(int i, long stallMillis) throws InterruptedException {
        if (i == 5 && stallMillis > 0) {
            waitForDisk(stallMillis);
        } else {
            Thread.sleep(20);
        }
    }

    public static void main(String[] args) throws Exception {
        long stall = (long) (Double.parseDouble(args[0]) * 1000);
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        System.out.println("started");
        for (int i = 0; i < calls; i++) {
            tick(i, stall);
        }
        System.out.println("done");
    }
}
