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
    /** True for a method that only some JDKs have: its absence is no warning. */
    final boolean optional;

    private JdkHook(String className, String methodName, String descriptor, EntryPatcher.Call call) {
        this(className, methodName, descriptor, call, false);
    }

    private JdkHook(String className, String methodName, String descriptor, EntryPatcher.Call call, boolean optional) {
        this.className = className;
        this.dottedClassName = className.replace('/', '.');
        this.methodName = methodName;
        this.descriptor = descriptor;
        this.call = call;
        this.optional = optional;
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

    // ---- swallowed: where the JDK stores a task's failure, and where a program reads it (issue 10)

    private static final String TASKS = "dev/mayday/bootstrap/TaskFailures";
    private static final String STORE = "(Ljava/lang/Object;Ljava/lang/Throwable;)V";
    private static final String READ = "(Ljava/lang/Object;)V";

    private static JdkHook stores(String className, String method, String descriptor, String entry, boolean optional) {
        return new JdkHook(className, method, descriptor,
                new EntryPatcher.Call(new int[] {0, 1}, -1, TASKS, entry, STORE, -1), optional);
    }

    private static JdkHook reads(String className, String method, String descriptor, boolean optional) {
        return new JdkHook(className, method, descriptor, new EntryPatcher.Call(new int[] {0}, -1, TASKS, "read", READ, -1),
                optional);
    }

    private static final String FUTURE_TASK = "java/util/concurrent/FutureTask";
    private static final String COMPLETABLE = "java/util/concurrent/CompletableFuture";
    private static final String FORK_JOIN = "java/util/concurrent/ForkJoinTask";

    /** Every hook of {@code swallowed=report}: the failure stored, and each way of reading it. */
    static final JdkHook[] SWALLOWED = {
        stores(FUTURE_TASK, "setException", "(Ljava/lang/Throwable;)V", "futureFailed", false),
        reads(FUTURE_TASK, "report", "(I)Ljava/lang/Object;", false), // get() and get(timeout)
        reads(FUTURE_TASK, "exceptionNow", "()Ljava/lang/Throwable;", true), // JDK 19+
        reads(FUTURE_TASK, "resultNow", "()Ljava/lang/Object;", true),

        stores(COMPLETABLE, "completeThrowable", "(Ljava/lang/Throwable;)Z", "completableFailed", false),
        stores(COMPLETABLE, "completeExceptionally", "(Ljava/lang/Throwable;)Z", "completableFailed", false),
        stores(COMPLETABLE, "completeThrowable", "(Ljava/lang/Throwable;Ljava/lang/Object;)Z", "completablePassed", false),
        new JdkHook(COMPLETABLE, "uniWhenComplete",
                "(Ljava/lang/Object;Ljava/util/function/BiConsumer;Ljava/util/concurrent/CompletableFuture$UniWhenComplete;)Z",
                new EntryPatcher.Call(new int[] {0}, -1, TASKS, "whenComplete", READ, -1), true),
        reads(COMPLETABLE, "get", "()Ljava/lang/Object;", false),
        reads(COMPLETABLE, "get", "(JLjava/util/concurrent/TimeUnit;)Ljava/lang/Object;", false),
        reads(COMPLETABLE, "join", "()Ljava/lang/Object;", false),
        reads(COMPLETABLE, "getNow", "(Ljava/lang/Object;)Ljava/lang/Object;", false),
        reads(COMPLETABLE, "exceptionNow", "()Ljava/lang/Throwable;", true),
        reads(COMPLETABLE, "resultNow", "()Ljava/lang/Object;", true),
        reads(COMPLETABLE, "uniHandleStage",
                "(Ljava/util/concurrent/Executor;Ljava/util/function/BiFunction;)Ljava/util/concurrent/CompletableFuture;", true),
        reads(COMPLETABLE, "uniWhenCompleteStage",
                "(Ljava/util/concurrent/Executor;Ljava/util/function/BiConsumer;)Ljava/util/concurrent/CompletableFuture;", true),
        reads(COMPLETABLE, "uniExceptionallyStage",
                "(Ljava/util/concurrent/Executor;Ljava/util/function/Function;)Ljava/util/concurrent/CompletableFuture;", true),
        reads(COMPLETABLE, "uniComposeExceptionallyStage",
                "(Ljava/util/concurrent/Executor;Ljava/util/function/Function;)Ljava/util/concurrent/CompletableFuture;", true),

        // ForkJoinTask: JDK 17 returns the status, JDK 25 nothing; the read funnels differ too.
        stores(FORK_JOIN, "trySetException", "(Ljava/lang/Throwable;)I", "forkJoinFailed", true),
        stores(FORK_JOIN, "trySetException", "(Ljava/lang/Throwable;)V", "forkJoinFailed", true),
        reads(FORK_JOIN, "getThrowableException", "()Ljava/lang/Throwable;", true),
        reads(FORK_JOIN, "getException", "(Z)Ljava/lang/Throwable;", true),
        reads(FORK_JOIN, "getException", "(I)Ljava/lang/Throwable;", true),
        reads(FORK_JOIN, "exceptionNow", "()Ljava/lang/Throwable;", true),
    };

    // ---- hang: the AWT event thread's handling of one event (issue 10)

    private static final String LOOP_WATCH = "dev/mayday/bootstrap/LoopWatch";

    /** {@code EventQueue.dispatchEvent}: the event thread starts on one event. */
    static final JdkHook AWT_DISPATCH = new JdkHook("java/awt/EventQueue", "dispatchEvent", "(Ljava/awt/AWTEvent;)V",
            new EntryPatcher.Call(new int[0], -1, LOOP_WATCH, "awtDispatch", "()V", -1));

    /** {@code EventQueue.getNextEvent}: the event thread is done and waits. */
    static final JdkHook AWT_NEXT = new JdkHook("java/awt/EventQueue", "getNextEvent", "()Ljava/awt/AWTEvent;",
            new EntryPatcher.Call(new int[0], -1, LOOP_WATCH, "awtIdle", "()V", -1));

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
