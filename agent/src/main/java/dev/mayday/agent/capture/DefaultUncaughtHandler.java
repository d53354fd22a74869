package dev.mayday.agent.capture;

import dev.mayday.bootstrap.Bridge;

/**
 * Installed as the JVM's default uncaught-exception handler at start-up, before the hook in
 * {@code Thread.dispatchUncaughtException} is woven (a moment later, on Mayday's thread). Reports,
 * then does exactly what the JVM would have done: the previous default handler, or the
 * "Exception in thread" message. Once the hook is in, the same exception is not reported twice.
 */
public final class DefaultUncaughtHandler implements Thread.UncaughtExceptionHandler {

    private final Thread.UncaughtExceptionHandler previous;

    private DefaultUncaughtHandler(Thread.UncaughtExceptionHandler previous) {
        this.previous = previous;
    }

    public static void install() {
        Thread.setDefaultUncaughtExceptionHandler(new DefaultUncaughtHandler(Thread.getDefaultUncaughtExceptionHandler()));
    }

    @Override
    public void uncaughtException(Thread thread, Throwable failure) {
        Bridge.uncaught(thread, failure, "thread");
        if (previous != null) {
            previous.uncaughtException(thread, failure);
        } else if (!failure.getClass().getName().equals("java.lang.ThreadDeath")) {
            // What ThreadGroup.uncaughtException prints when no handler is set.
            System.err.print("Exception in thread \"" + thread.getName() + "\" ");
            failure.printStackTrace(System.err);
        }
        Bridge.afterUncaught(thread, failure);
    }
}
