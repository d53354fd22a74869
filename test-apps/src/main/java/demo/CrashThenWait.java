package demo;

/**
 * A worker thread fails at once; the program itself lives on for {@code args[0]} seconds (default
 * 30), like a server or a desktop program after a background failure.
 */
public class CrashThenWait {
    public static void main(String[] args) throws Exception {
        Thread worker = new Thread(() -> {
            throw new IllegalStateException("cache warmer lost its connection");
        }, "cache-warmer");
        worker.start();
        worker.join();
        System.out.println("main goes on");
        Thread.sleep(1000L * (args.length > 0 ? Integer.parseInt(args[0]) : 30));
    }
}
