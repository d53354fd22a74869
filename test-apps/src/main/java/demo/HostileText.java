package demo;

import java.util.logging.Logger;

/**
 * Prints, logs and fails with terminal control sequences in its text, as a log line from a
 * user's machine may carry them: a window title change, a screen clear, a carriage return,
 * a right-to-left override.
 */
public class HostileText {
    public static void main(String[] args) {
        System.out.println("\u001b]0;pwned\u0007\u001b[2J\u001b[Hcleared");
        Logger.getLogger("demo.hostile").warning("\u001b[31mred\u001b[0m and \u009b2J");
        loop();
    }

    public static void loop() {
        throw new IllegalStateException("bad\rgood \u202eevil");
    }
}
