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
    private static final String STREAM_TAP_CLASS = "dev/mayday/bootstrap/StreamTap";

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

    /** {@code Logger.log(LogRecord)}: every java.util.logging call that passed its cheap level check. */
    static final JdkHook JUL_LOGGER = new JdkHook("java/util/logging/Logger", "log",
            "(Ljava/util/logging/LogRecord;)V", new EntryPatcher.Call(new int[] {0, 1}, -1, JUL_CAPTURE, "record",
            "(Ljava/util/logging/Logger;Ljava/util/logging/LogRecord;)V", -1));

    /**
     * {@code StreamHandler.setOutputStream}: a ConsoleHandler's writes to System.err are marked as a
     * record's console copy, so the records it prints are not kept a second time as stderr lines.
     */
    static final JdkHook JUL_CONSOLE = new JdkHook("java/util/logging/StreamHandler", "setOutputStream",
            "(Ljava/io/OutputStream;)V", new EntryPatcher.Call(new int[] {0, 1}, -1, JUL_CAPTURE, "consoleStream",
            "(Ljava/util/logging/StreamHandler;Ljava/io/OutputStream;)Ljava/io/OutputStream;", 1));

    /**
     * {@code FileOutputStream}'s three write methods: the bytes of the process's standard output
     * and error, whatever PrintStream the program writes through (the tap sits below it, so
     * {@code System.out} stays the program's own object).
     */
    static final JdkHook STREAM_TAP = new JdkHook("java/io/FileOutputStream", "write", "([BII)V",
            new EntryPatcher.Call(new int[] {0, 1, 2, 3}, -1, STREAM_TAP_CLASS, "wrote",
                    "(Ljava/io/FileOutputStream;[BII)V", -1));

    static final JdkHook STREAM_TAP_ALL = new JdkHook("java/io/FileOutputStream", "write", "([B)V",
            new EntryPatcher.Call(new int[] {0, 1}, -1, STREAM_TAP_CLASS, "wroteAll",
                    "(Ljava/io/FileOutputStream;[B)V", -1));

    static final JdkHook STREAM_TAP_BYTE = new JdkHook("java/io/FileOutputStream", "write", "(I)V",
            new EntryPatcher.Call(new int[] {0, 1}, -1, STREAM_TAP_CLASS, "wroteByte",
                    "(Ljava/io/FileOutputStream;I)V", -1));
}
