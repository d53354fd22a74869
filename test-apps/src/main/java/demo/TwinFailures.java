package demo;

/**
 * Two threads fail in the same main-loop method with the same bug, the second a moment after the
 * first (one report, the second held back by {@code quiet}).
 */
public class TwinFailures {
    public static void loop(int twin) {
        throw new IllegalStateException("twin " + twin + " failed");
    }

    public static void main(String[] args) throws Exception {
        Thread first = new Thread(() -> loop(1), "twin-1");
        Thread second = new Thread(() -> {
            try {
                Thread.sleep(Integer.parseInt(args.length > 0 ? args[0] : "400"));
            } catch (InterruptedException e) {
                return;
            }
            loop(2);
        }, "twin-2");
        first.start();
        second.start();
        first.join();
        second.join();
    }
}
