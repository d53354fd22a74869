package dev.mayday.agent.instrument;

/**
 * One call woven into one JDK method, as data. {@link ClassWeaving} emits the code; keeping ASM
 * out of this class means deciding which hooks to install loads no bytecode library at start-up.
 */
final class JdkHook {

    /** Calls {@code Bridge.uncaught} at the start and {@code Bridge.afterUncaught} before returning. */
    static final int UNCAUGHT = 1;
    /** Replaces the method's {@code PrintStream} argument with a capturing one. */
    static final int STREAM = 2;
    /** Hands {@code this} logger and its {@code LogRecord} argument to {@code JulCapture}. */
    static final int JUL = 3;

    final String className;
    final String methodName;
    final String descriptor;
    final int kind;
    /** For UNCAUGHT, the Bridge's number of the origin named in the report; for STREAM, the Bridge method. */
    final Object detail;

    private JdkHook(String className, String methodName, String descriptor, int kind, Object detail) {
        this.className = className;
        this.methodName = methodName;
        this.descriptor = descriptor;
        this.kind = kind;
        this.detail = detail;
    }

    /** {@code Thread.dispatchUncaughtException}: every thread that ends by an exception passes here. */
    static final JdkHook THREAD_UNCAUGHT = new JdkHook("java/lang/Thread", "dispatchUncaughtException",
            "(Ljava/lang/Throwable;)V", UNCAUGHT, dev.mayday.bootstrap.Bridge.THREAD);

    /** The AWT event thread catches exceptions itself and calls the handler directly. */
    static final JdkHook AWT_EVENT_THREAD = new JdkHook("java/awt/EventDispatchThread", "processException",
            "(Ljava/lang/Throwable;)V", UNCAUGHT, dev.mayday.bootstrap.Bridge.AWT_EVENT_THREAD);

    static final JdkHook SYSTEM_SET_OUT = new JdkHook("java/lang/System", "setOut", "(Ljava/io/PrintStream;)V",
            STREAM, "captureOut");
    static final JdkHook SYSTEM_SET_ERR = new JdkHook("java/lang/System", "setErr", "(Ljava/io/PrintStream;)V",
            STREAM, "captureErr");

    /** {@code Logger.log(LogRecord)}: every java.util.logging call that passed its cheap level check. */
    static final JdkHook JUL_LOGGER = new JdkHook("java/util/logging/Logger", "log",
            "(Ljava/util/logging/LogRecord;)V", JUL, null);

    /** The dotted name, as {@code Class.getName()} has it. */
    String dottedClassName() {
        return className.replace('/', '.');
    }
}
