package dev.mayday.agent.report;

import java.lang.reflect.Method;

/** {@code Thread.isVirtual()} where the running JDK has it (21 and later); Mayday is built for 17. */
final class VirtualThreads {

    private static final Method IS_VIRTUAL = find();

    private VirtualThreads() {
    }

    private static Method find() {
        try {
            return Thread.class.getMethod("isVirtual");
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    static boolean isVirtual(Thread thread) {
        if (IS_VIRTUAL == null) {
            return false;
        }
        try {
            return (Boolean) IS_VIRTUAL.invoke(thread);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
