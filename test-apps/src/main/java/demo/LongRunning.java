package demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * A service that runs until told to stop, for dynamic attach: started without Mayday, it is
 * steered through files in the directory given as its argument (polled every 10 ms):
 * {@code fail} makes the next {@code step()} throw (the program's own loop catches it and says
 * "app caught"), {@code worker} makes a thread started before anything else die of an uncaught
 * exception, {@code probe} prints whether anything of Mayday is in this JVM, {@code ping} prints
 * {@code pong N} (N steps so far), {@code stop} ends it with status 0.
 */
public class LongRunning {

    private static Path dir;
    private static long steps;

    public static void step() throws IOException {
        steps++;
        if (take("fail")) {
            throw new IllegalStateException("step " + steps + " failed on request");
        }
    }

    public static void main(String[] args) throws Exception {
        dir = Paths.get(args[0]);
        Thread worker = new Thread(LongRunning::work, "early-worker");
        worker.setDaemon(true);
        worker.start();
        System.out.println("ready " + ProcessHandle.current().pid());
        while (!take("stop")) {
            try {
                step();
            } catch (RuntimeException e) {
                System.out.println("app caught: " + e.getMessage());
            }
            if (take("probe")) {
                System.out.println("probe property=" + System.getProperty("dev.mayday.agent")
                        + " bootstrap=" + defined("dev.mayday.bootstrap.Bridge"));
            }
            if (take("ping")) {
                System.out.println("pong " + steps);
            }
            Thread.sleep(10);
        }
        System.out.println("stopped after " + steps + " steps");
    }

    private static void work() {
        try {
            while (!take("worker")) {
                Thread.sleep(10);
            }
        } catch (Exception e) {
            return;
        }
        throw new IllegalArgumentException("early worker gave up");
    }

    private static boolean defined(String name) {
        try {
            Class.forName(name, false, null);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static boolean take(String name) throws IOException {
        return Files.deleteIfExists(dir.resolve(name));
    }
}
