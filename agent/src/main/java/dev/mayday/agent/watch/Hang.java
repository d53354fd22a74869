package dev.mayday.agent.watch;

/**
 * Stands for a stall in a report: a main-loop call (or the AWT event thread's handling of one
 * event) that ran longer than {@code hang} seconds. Its stack is the stalled thread's stack when
 * the limit passed, so the signature and title name where the program was stuck.
 */
public final class Hang extends Throwable {

    private static final long serialVersionUID = 1L;

    Hang(String message, StackTraceElement[] stack) {
        super(message, null, false, true);
        setStackTrace(stack);
    }
}
