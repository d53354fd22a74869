package demo;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * A service that set {@code System.out} to a stream of its own (over the real stdout) before
 * anything else, then runs until told to stop, for dynamic attach. Steered through files in the
 * directory given as its argument (polled every 10 ms): {@code go} makes the next {@code step()}
 * print two lines and whether {@code System.out} is still its own stream, then throw;
 * {@code stop} ends it with status 0.
 */
public class OwnStdoutLongRunning {

    private static Path dir;
    private static PrintStream mine;
    private static long steps;

    public static void step() throws IOException {
        steps++;
        if (take("go")) {
            System.out.println("after attach line one");
            System.out.println("after attach line two, step " + steps);
            System.out.println("same=" + (System.out == mine));
            throw new IllegalStateException("step " + steps + " failed on request");
        }
    }

    public static void main(String[] args) throws Exception {
        dir = Paths.get(args[0]);
        mine = new PrintStream(new FileOutputStream(FileDescriptor.out), true);
        System.setOut(mine);
        System.out.println("ready " + ProcessHandle.current().pid());
        while (!take("stop")) {
            try {
                step();
            } catch (RuntimeException e) {
                System.out.println("app caught: " + e.getMessage());
            }
            Thread.sleep(10);
        }
        System.out.println("stopped after " + steps + " steps");
    }

    private static boolean take(String name) throws IOException {
        return Files.deleteIfExists(dir.resolve(name));
    }
}
