package dev.mayday.agent.capture;

/**
 * Whether the program still has daemon threads of its own running as the JVM ends. Only then can
 * a failure still be on its way to Mayday (a daemon failing just as main returns), so only then
 * does the end of the JVM wait a moment for it; a program without any ends without that wait.
 */
final class ProgramDaemons {

    private ProgramDaemons() {
    }

    /**
     * True if a live daemon thread that is neither Mayday's nor the JVM's own (the threads of the
     * {@code system} group itself and of its {@code InnocuousThreadGroup}) exists. Virtual threads
     * are not enumerated, which is fine: they cannot outlive main unless carried by daemon threads
     * of their scheduler's, which are InnocuousThreads.
     */
    static boolean running() {
        ThreadGroup system = Thread.currentThread().getThreadGroup();
        while (system.getParent() != null) {
            system = system.getParent();
        }
        Thread[] threads = new Thread[system.activeCount() + 8];
        int n = system.enumerate(threads, true);
        Thread self = Thread.currentThread();
        for (int i = 0; i < n; i++) {
            Thread t = threads[i];
            ThreadGroup group = t.getThreadGroup();
            if (t == self || !t.isDaemon() || !t.isAlive() || group == null || group == system
                    || "InnocuousThreadGroup".equals(group.getName()) || MaydayThreads.isMaydays(t)) {
                continue;
            }
            return true;
        }
        return false;
    }
}
