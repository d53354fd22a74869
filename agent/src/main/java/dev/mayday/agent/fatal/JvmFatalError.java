package dev.mayday.agent.fatal;

/**
 * Stands for a JVM that died of a fatal error in a report: its message is the signal and the
 * problematic frame, its stack the Java frames the JVM's error file listed.
 */
public final class JvmFatalError extends Throwable {

    private static final long serialVersionUID = 1L;

    JvmFatalError(String message, StackTraceElement[] stack) {
        super(message, null, false, true);
        setStackTrace(stack);
    }
}
