package dev.mayday.agent.instrument;

import dev.mayday.bootstrap.Bridge;

/**
 * One call inserted at the start of one JDK method (by {@link EntryPatcher}: no bytecode library
 * at start-up). The hooks only call into {@code dev.mayday.bootstrap}, which the JDK's own class
 * loader can see.
 */
final class JdkHook {

    private static final String BRIDGE = ClassWeaving.BRIDGE;
    private static final String JUL_CAPTURE = "dev/mayday/bootstrap/JulCapture";

    final String className;
    final String dottedClassName;
    final String methodName;
    final String descriptor;
    final EntryPatcher.Call call;

    private JdkHook(String className, String methodName, String descriptor, EntryPatcher.Call call) {
        this.className = className;
        this.dottedClassName = className.replace('/', '.');
        this.methodName = methodName;
        this.descriptor = descriptor;
        this.call = call;
    }

    /** {@code Thread.dispatchUncaughtException}: every thread that ends by an exception passes here. */
    static final JdkHook THREAD_UNCAUGHT = new JdkHook("java/lang/Thread", "dispatchUncaughtException",
            "(Ljava/lang/Throwable;)V", new EntryPatcher.Call(new int[] {0, 1}, Bridge.THREAD, BRIDGE, "uncaught",
            "(Ljava/lang/Thread;Ljava/lang/Throwable;I)V", -1));

    /** The AWT event thread catches exceptions itself and calls the handler directly. */
    static final JdkHook AWT_EVENT_THREAD = new JdkHook("java/awt/EventDispatchThread", "processException",
            "(Ljava/lang/Throwable;)V", new EntryPatcher.Call(new int[] {0, 1}, Bridge.AWT_EVENT_THREAD, BRIDGE,
            "uncaught", "(Ljava/lang/Thread;Ljava/lang/Throwable;I)V", -1));

    /** {@code System.setOut(s)} becomes {@code System.setOut(Bridge.captureOut(s))}. */
    static final JdkHook SYSTEM_SET_OUT = new JdkHook("java/lang/System", "setOut", "(Ljava/io/PrintStream;)V",
            new EntryPatcher.Call(new int[] {0}, -1, BRIDGE, "captureOut",
                    "(Ljava/io/PrintStream;)Ljava/io/PrintStream;", 0));

    static final JdkHook SYSTEM_SET_ERR = new JdkHook("java/lang/System", "setErr", "(Ljava/io/PrintStream;)V",
            new EntryPatcher.Call(new int[] {0}, -1, BRIDGE, "captureErr",
                    "(Ljava/io/PrintStream;)Ljava/io/PrintStream;", 0));

    /** {@code Logger.log(LogRecord)}: every java.util.logging call that passed its cheap level check. */
    static final JdkHook JUL_LOGGER = new JdkHook("java/util/logging/Logger", "log",
            "(Ljava/util/logging/LogRecord;)V", new EntryPatcher.Call(new int[] {0, 1}, -1, JUL_CAPTURE, "record",
            "(Ljava/util/logging/Logger;Ljava/util/logging/LogRecord;)V", -1));

    /**
     * {@code StreamHandler.setOutputStream}: a ConsoleHandler gets the real System.err, not Mayday's
     * capturing copy, so the records it prints are not kept a second time as stderr lines.
     */
    static final JdkHook JUL_CONSOLE = new JdkHook("java/util/logging/StreamHandler", "setOutputStream",
            "(Ljava/io/OutputStream;)V", new EntryPatcher.Call(new int[] {0, 1}, -1, JUL_CAPTURE, "consoleStream",
            "(Ljava/util/logging/StreamHandler;Ljava/io/OutputStream;)Ljava/io/OutputStream;", 1));

    /**
     * JBoss LogManager's {@code Logger.logRaw(ExtLogRecord)}: its loggers are java.util.logging
     * loggers that override {@code log(LogRecord)}, so their records never reach {@link #JUL_LOGGER};
     * every one that passed the level check goes through here. Not a JDK class: woven when the
     * application's loader loads it.
     */
    static final JdkHook JBOSS_LOGGER = new JdkHook("org/jboss/logmanager/Logger", "logRaw",
            "(Lorg/jboss/logmanager/ExtLogRecord;)V", new EntryPatcher.Call(new int[] {0, 1}, -1, JUL_CAPTURE, "record",
            "(Ljava/util/logging/Logger;Ljava/util/logging/LogRecord;)V", -1));
}
