package dev.mayday.bootstrap;

import java.lang.reflect.Method;

/**
 * Entry points woven into Logback and Log4j2 (in whatever class loader loaded them), and the
 * {@code logged} rule all log hooks share. Woven code reads the event's fields with the
 * framework's own getters and passes JDK types only, so nothing here knows a framework type. Each
 * entry point keeps the record and never throws. The woven code itself marks the dispatch around
 * it ({@link LogEcho#enter()} first, {@link LogEcho#exit(int[])} when the framework's method
 * returns or throws), so that what a console appender prints meanwhile is known as a kept record's
 * copy.
 */
public final class LogCapture {

    /** Severities of the {@code logged} option, one scale for every framework. */
    public static final int ERROR = 4;
    public static final int WARN = 3;
    public static final int OFF = Integer.MAX_VALUE;


    private static volatile boolean logback;
    private static volatile boolean log4j2;
    private static volatile LoggedSink sink;
    private static volatile int loggedFrom = OFF;
    /** Set once a java.util.logging handler that bridges into Logback or Log4j2 has loaded. */
    private static volatile boolean bridgesPossible;
    /** Set once java.util.logging kept a record while such a framework is there. */
    private static volatile boolean julSeen;

    /**
     * The logger name of the java.util.logging record this thread kept last, until a bridge
     * (jul-to-slf4j, log4j-jul) hands the same record on to Logback or Log4j2, which then leave it
     * out: the ring holds it already.
     */
    private static final ThreadLocal<String[]> JUL_KEPT = new ThreadLocal<String[]>() {
        @Override
        protected String[] initialValue() {
            return new String[1];
        }
    };

    private static final ClassValue<Method> THROWABLE_GETTER = new ClassValue<Method>() {
        @Override
        protected Method computeValue(Class<?> type) {
            try {
                return type.getMethod("getThrowable");
            } catch (Throwable e) {
                return null;
            }
        }
    };

    private LogCapture() {
    }

    /** Turns capture on for each framework ({@code logCapture} option). */
    public static void setEnabled(boolean logbackOn, boolean log4j2On) {
        logback = logbackOn;
        log4j2 = log4j2On;
    }

    /**
     * Connects the {@code logged} option: records at {@code fromSeverity} ({@link #ERROR},
     * {@link #WARN}, {@link #OFF}) or above that carry a Throwable go to {@code loggedSink}.
     */
    public static void installLogged(LoggedSink loggedSink, int fromSeverity) {
        sink = loggedSink;
        loggedFrom = fromSeverity;
    }

    /** Called by the agent when a bridge from java.util.logging (jul-to-slf4j, log4j-jul) loads. */
    public static void julBridgeSeen() {
        bridgesPossible = true;
    }

    /**
     * Woven into the start of {@code ch.qos.logback.classic.Logger.callAppenders(ILoggingEvent)}:
     * every event that passed Logback's level check and turbo filters, once.
     *
     * @param level {@code Level.toInt()}
     * @param throwableProxy {@code getThrowableProxy()}, whose {@code getThrowable()} is the exception
     */
    @jdk.internal.vm.annotation.DontInline // see JulCapture.keep: the event itself never escapes
    public static void logback(long millis, int level, String logger, String thread, String message, Object[] args,
                               Object throwableProxy) {
        
        try {
            if (logback && !bridged(logger)) {
                Throwable thrown = throwableProxy == null ? null : throwableOf(throwableProxy);
                String name = level >= 40000 ? "ERROR" : level >= 30000 ? "WARN" : level >= 20000 ? "INFO"
                        : level >= 10000 ? "DEBUG" : "TRACE";
                LogEntry entry = record(millis, name, logger, thread, message, args, LogEntry.BRACES,
                        ThrownSnapshot.of(thrown));
                if (entry != null) {
                    keep("logback", level >= 40000 ? ERROR : level >= 30000 ? WARN : 0, thrown, entry);
                }
            }
        } catch (Throwable ignored) {
            // Capturing a log line must never break the logging call.
        }
    }

    /**
     * Woven into the start of Log4j2's {@code LoggerConfig.log(LogEvent, LoggerConfigPredicate)},
     * through which every event passes (once for its own logger config, and again for each parent
     * that additivity reaches: the woven code calls this in the outermost only).
     *
     * @param level {@code Level.intLevel()}
     * @param message the event's {@code Message}; {@code format} and {@code params} are its
     *        {@code getFormat()} and {@code getParameters()} (a reused message's array: copied)
     */
    @jdk.internal.vm.annotation.DontInline
    public static void log4j2(long millis, int level, String logger, String thread, Object message, String format,
                              Object[] params, Throwable thrown) {
        
        try {
            if (log4j2 && !bridged(logger)) {
                String name = level <= 100 ? "FATAL" : level <= 200 ? "ERROR" : level <= 300 ? "WARN"
                        : level <= 400 ? "INFO" : level <= 500 ? "DEBUG" : "TRACE";
                LogEntry entry = log4j2Entry(millis, name, logger, thread, message, format, params, thrown);
                if (entry != null) {
                    keep("log4j2", level <= 200 ? ERROR : level <= 300 ? WARN : 0, thrown, entry);
                }
            }
        } catch (Throwable ignored) {
            // Capturing a log line must never break the logging call.
        }
    }

    /** The record's entry if it has an exception, else null: then it is in the ring already ({@link #record}). */
    private static LogEntry log4j2Entry(long millis, String level, String logger, String thread, Object message,
                                        String format, Object[] params, Throwable thrown) {
        ThrownSnapshot snapshot = ThrownSnapshot.of(thrown);
        int kind = Log4j2Messages.kindOf(message.getClass());
        if (kind == Log4j2Messages.MUTABLE_EVENT && format != null || kind == Log4j2Messages.PARAMETERIZED) {
            // A garbage-free event that took a reusable message in has its pattern and parameters
            // (or, with none, a simple message's text), as a ParameterizedMessage has: nothing to format now.
            return record(millis, level, logger, thread, format, params, LogEntry.BRACES, snapshot);
        }
        if (kind == Log4j2Messages.MESSAGE_FORMAT) {
            return record(millis, level, logger, thread, format, params, LogEntry.MESSAGE_FORMAT, snapshot);
        }
        if (kind == Log4j2Messages.SIMPLE) {
            return record(millis, level, logger, thread, format, null, LogEntry.PLAIN, snapshot);
        }
        // Any other message (objects, maps, String.format patterns, the program's own): its text,
        // made now on the logging thread, as the program's appender would.
        return record(millis, level, logger, thread, Log4j2Messages.formatted(message), null, LogEntry.PLAIN,
                snapshot);
    }

    /**
     * A record with an exception becomes an entry, for the ring and the {@code logged} rule
     * ({@link #keep}); one without (never a logged error) goes straight into the ring, with no
     * object made, and null is returned.
     */
    private static LogEntry record(long millis, String level, String logger, String thread, String message,
                                   Object[] params, int style, ThrownSnapshot thrown) {
        if (thrown != null) {
            return new LogEntry(millis, level, logger, thread, message, params, thrown, false, style);
        }
        LogRing ring = LogRing.current();
        if (ring != null) {
            ring.addRecord(millis, level, logger, thread, message, params, style, false);
        }
        return null;
    }

    /** Called by java.util.logging's hook for each record it kept. */
    static void julKept(int julLevel, String logger, Throwable thrown, LogEntry entry) {
        if (bridgesPossible) {
            JUL_KEPT.get()[0] = logger == null ? "" : logger;
            if (!julSeen) {
                julSeen = true;
            }
        }
        int severity = julLevel >= 1000 ? ERROR : julLevel >= 900 ? WARN : 0;
        logged("jul", severity, thrown, entry);
    }

    /** True (once) if this event is the java.util.logging record this thread has just kept, bridged. */
    private static boolean bridged(String logger) {
        if (!julSeen) {
            return false;
        }
        String[] kept = JUL_KEPT.get();
        String last = kept[0];
        if (last == null) {
            return false;
        }
        kept[0] = null;
        return last.equals(logger == null ? "" : logger);
    }

    private static void keep(String framework, int severity, Throwable thrown, LogEntry entry) {

        LogRing ring = LogRing.current();
        if (ring != null) {
            ring.add(entry);
        }
        logged(framework, severity, thrown, entry);
    }

    private static void logged(String framework, int severity, Throwable thrown, LogEntry entry) {
        if (thrown == null || severity < loggedFrom) {
            return;
        }
        LoggedSink s = sink;
        if (s == null) {
            Bridge.awaitStart(); // the agent is still starting (returns at once when it is not)
            s = sink;
        }
        // Inside Mayday's own handling (a report being built on this thread): never a report of it.
        if (s == null || !ReentrancyGuard.enter()) {
            return;
        }
        try {
            s.logged(Thread.currentThread(), thrown, framework, entry);
        } catch (Throwable ignored) {
            // The logging call goes on as before.
        } finally {
            ReentrancyGuard.exit();
        }
    }

    private static Throwable throwableOf(Object proxy) {
        Method getter = THROWABLE_GETTER.get(proxy.getClass());
        if (getter == null) {
            return null;
        }
        try {
            Object t = getter.invoke(proxy);
            return t instanceof Throwable ? (Throwable) t : null;
        } catch (Throwable e) {
            return null;
        }
    }
}
