package dev.mayday.bootstrap;

/**
 * Carries the launcher's arguments (options, Instrumentation, Mayday's class loader) to the
 * agent's entry class, which only the bootstrap loader's classes can be shared with. The entry
 * class takes them in its static initializer, so starting the agent needs no reflective call:
 * on JDK 18 and later the first {@code Method.invoke} spins method handles that cost tens of
 * milliseconds of every program's start-up. Emptied as soon as it is read.
 */
public final class AgentHandoff {

    private static Object[] pending;

    private AgentHandoff() {
    }

    public static synchronized void put(Object[] arguments) {
        pending = arguments;
    }

    public static synchronized Object[] take() {
        Object[] arguments = pending;
        pending = null;
        return arguments;
    }
}
