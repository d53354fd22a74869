package dev.mayday.agent.watch;

/**
 * Stands for one thread of a deadlock cycle in a report: its message says which lock it waits
 * for and who holds it, its stack is the thread's, and its cause is the next thread of the cycle.
 */
public final class Deadlock extends Throwable {

    private static final long serialVersionUID = 1L;

    Deadlock(String message, StackTraceElement[] stack, Deadlock next) {
        super(message, next, false, true);
        setStackTrace(stack);
    }
}
