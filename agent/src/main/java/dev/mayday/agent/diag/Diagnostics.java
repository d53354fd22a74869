package dev.mayday.agent.diag;

import dev.mayday.bootstrap.LogEcho;
import dev.mayday.bootstrap.StreamTap;
import java.io.PrintStream;

/**
 * Mayday's own messages: the one-line warnings every user sees, and the {@code debug=true}
 * diagnostics. Both go to the standard error stream as it was when Mayday started. Each line is
 * marked as not the program's ({@link LogEcho}), so it never lands in the program's log ring,
 * and starts on a line of its own even when the program left stderr in the middle of one, so
 * {@code grep '^mayday:'} finds it.
 */
public final class Diagnostics {

    private static volatile boolean debug;
    private static volatile PrintStream err = System.err;
    /** Inside a program (not the command-line tool): the bootstrap classes are there. */
    private static volatile boolean inAgent;

    private Diagnostics() {
    }

    public static void configure(boolean debugOn, PrintStream originalErr) {
        debug = debugOn;
        err = originalErr;
        inAgent = true;
    }

    public static boolean debugging() {
        return debug;
    }

    /** A line for the user: {@code mayday: ...}. */
    public static void warn(String message) {
        print("mayday: " + message);
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
            print("mayday [debug]: " + message);
        }
    }

    private static void print(String line) {
        PrintStream e = err;
        if (!inAgent) {
            e.println(line);
            return;
        }
        LogEcho.begin();
        try {
            synchronized (e) { // PrintStream's own lock: no other write between the check and the line
                e.println(StreamTap.stderrAtLineStart() ? line : "\n" + line);
            }
        } finally {
            LogEcho.end();
        }
    }
}
