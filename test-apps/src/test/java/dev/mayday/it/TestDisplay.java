package dev.mayday.it;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The X display the dialog tests show their windows on: {@code MAYDAY_TEST_DISPLAY} (Xvfb, which
 * ci/with-services.sh starts through ci/services.sh), else {@code DISPLAY}. Without one the tests are skipped
 * with a message; on CI (CI=true) a missing display is a broken run.
 */
final class TestDisplay {

    private TestDisplay() {
    }

    static String require() {
        String display = System.getenv("MAYDAY_TEST_DISPLAY");
        if (display == null || display.isEmpty()) {
            display = System.getenv("DISPLAY");
        }
        boolean there = display != null && !display.isEmpty() && socketExists(display);
        if (!there) {
            String why = "no X display for the consent dialog tests (start one with: bash ci/services.sh start)";
            if ("true".equals(System.getenv("CI"))) {
                fail(why);
            }
            System.err.println("SKIPPED: " + why);
            assumeTrue(false, why);
        }
        return display;
    }

    private static boolean socketExists(String display) {
        // ":99" or ":99.0" → /tmp/.X11-unix/X99; a remote display is taken on trust.
        if (!display.startsWith(":")) {
            return true;
        }
        String number = display.substring(1).split("\\.")[0];
        return Files.exists(Path.of("/tmp/.X11-unix/X" + number));
    }
}
