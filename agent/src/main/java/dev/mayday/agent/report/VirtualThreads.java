package dev.mayday.agent.report;

/**
 * {@code Thread.isVirtual()} where the running JDK has it (21 and later); Mayday is built for 17.
 * Answered from the thread's class ({@code isVirtual()} is {@code instanceof BaseVirtualThread},
 * whose subclasses are the JDK's virtual thread classes) rather than by reflection: the first
 * {@code Method.invoke} of a JVM spins method handles, milliseconds on the first report, and a
 * static {@code Method} field set in a static initialiser an OutOfMemoryError could break.
 */
final class VirtualThreads {

    private VirtualThreads() {
    }

    static boolean isVirtual(Thread thread) {
        Class<?> parent = thread.getClass().getSuperclass();
        return parent != null && parent.getName().equals("java.lang.BaseVirtualThread");
    }
}
