package logapps;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A service on SLF4J (Logback with its default console configuration, or Log4j2) that logs at
 * start-up, before any attach, then runs until told to stop. Steered through files in the
 * directory given as its argument (polled every 10 ms): {@code go} makes the next {@code step()}
 * log two INFO records with parameters, then throw; {@code stop} ends it with status 0.
 */
public final class AttachedSlf4jApp {

    private static final Logger LOG = LoggerFactory.getLogger(AttachedSlf4jApp.class);
    private static Path dir;
    private static long steps;

    public static void step() throws IOException {
        steps++;
        if (take("go")) {
            LOG.info("order {} shipped to {}", 42, "Oslo");
            LOG.info("stock for {} is {}", "pear", 7L);
            throw new IllegalStateException("step " + steps + " failed on request");
        }
    }

    public static void main(String[] args) throws Exception {
        dir = Paths.get(args[0]);
        LOG.info("service starting {}", "before the attach");
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
