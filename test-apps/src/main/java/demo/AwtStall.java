package demo;

import java.awt.EventQueue;

/** The AWT event thread spends {@code args[0]} seconds on one event (headless is enough). */
public class AwtStall {
    static void renderChart(long millis) {
        long end = System.nanoTime() + millis * 1_000_000;
        double x = 0;
        while (System.nanoTime() < end) {
            x += Math.sqrt(x + 1);
        }
        if (x == 42) {
            System.out.println(x);
        }
    }

    public static void main(String[] args) throws Exception {
        long millis = (long) (Double.parseDouble(args[0]) * 1000);
        for (int i = 0; i < 10; i++) {
            EventQueue.invokeAndWait(() -> { });
        }
        EventQueue.invokeAndWait(() -> renderChart(millis));
        for (int i = 0; i < 10; i++) {
            EventQueue.invokeAndWait(() -> { });
            Thread.sleep(50);
        }
        System.out.println("done");
        System.exit(0);
    }
}
