package dev.mayday.agent.diag;

import java.io.PrintStream;

/**
 * Mayday's own messages: the one-line warnings every user sees, and the {@code debug=true}
 * diagnostics. Both go to the standard error stream as it was before Mayday started capturing
 * it, so Mayday's lines never land in the application's log ring.
 */
public final class Diagnostics {

    private static volatile boolean debug;
    private static volatile PrintStream err = System.err;

    private Diagnostics() {
    }

    public static void configure(boolean debugOn, PrintStream originalErr) {
        debug = debugOn;
        err = originalErr;
    }

    public static boolean debugging() {
        return debug;
    }

    /** A line for the user: {@code mayday: ...}. */
    public static void warn(String message) {
        err.println("mayday: " + message);
    }

    /** Text as it is (a stack trace), on the same stream as the lines. */
    public static void printRaw(String text) {
        PrintStream e = err;
        e.print(text);
        e.flush();
    }

    /** A diagnostic line, printed only with {@code debug=true}. */
    public static void debug(String message) {
        if (debug) {
            err.println("mayday [debug]: " + message);
        }
    }
}
