package dev.mayday.bootstrap;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.UUID;

/**
 * One captured log record. It never holds an object of the program: only Strings, boxed JDK
 * numbers, booleans and characters (immutable values that reference nothing else) and a
 * {@link ThrownSnapshot} of the exception. Parameters of any other type are turned into text on
 * the logging thread when the record is captured (as the program's own appender would), so
 * Mayday's thread never calls the program's {@code toString()} and the ring pins nothing: not a
 * 1 MiB payload, not a web application's class loader. Parameters it may keep stay unformatted
 * (the usual records cost no formatting); they are put into the message only when a report is
 * built. Immutable once published. The ring itself keeps a record's fields in a reused slot
 * ({@link LogRing}) and gives back a copy of them as a new entry.
 */
public final class LogEntry {

    /** Longest message kept, in characters; longer ones are cut when captured. */
    public static final int MAX_MESSAGE_CHARS = 8192;

    /** {@link #style()}: the message is the final text. */
    public static final int PLAIN = 0;
    /** {@link #style()}: java.util.logging's {@code {0}}-style parameters ({@code MessageFormat}). */
    public static final int MESSAGE_FORMAT = 1;
    /** {@link #style()}: SLF4J's and Log4j2's {@code {}} placeholders. */
    public static final int BRACES = 2;

    final long timeMillis;
    final String level;
    final String logger;
    final String thread;
    final String message;
    /**
     * The kept parameters: null for none, the one parameter itself (a kept value is never an
     * array: arrays are kept as their text), or a copy of several. One parameter, the usual
     * record, so costs no array.
     */
    final Object parameters;
    final ThrownSnapshot thrown;
    final boolean messageCut;
    final int style;
    /** Estimated bytes this entry keeps alive, for the ring's byte bound. */
    final int bytes;
    /** Position in its stripe's order; set by {@link LogRing#add(LogEntry)}, or in the ring's copy. */
    long sequence;

    /** A java.util.logging-style record ({@code {0}} parameters); call it on the logging thread. */
    public LogEntry(long timeMillis, String level, String logger, String thread, String message,
                    Object[] parameters, Throwable thrown) {
        this(timeMillis, level, logger, thread, message, parameters, ThrownSnapshot.of(thrown), false,
                MESSAGE_FORMAT);
    }

    /** As above; {@code alreadyCut} says the caller already cut a longer message. */
    public LogEntry(long timeMillis, String level, String logger, String thread, String message,
                    Object[] parameters, Throwable thrown, boolean alreadyCut) {
        this(timeMillis, level, logger, thread, message, parameters, ThrownSnapshot.of(thrown), alreadyCut,
                MESSAGE_FORMAT);
    }

    /**
     * The general form. {@code parameters} may hold anything: what the entry may not keep is turned
     * into text here (the program's code, run on the thread that logs).
     */
    public LogEntry(long timeMillis, String level, String logger, String thread, String message,
                    Object[] parameters, ThrownSnapshot thrown, boolean alreadyCut, int style) {
        this.timeMillis = timeMillis;
        this.level = level;
        this.logger = logger;
        this.thread = thread;
        Object kept = null;
        if (parameters != null && parameters.length > 0 && message != null && style != PLAIN) {
            kept = parameters.length == 1 && parameters[0] != null ? keepableOne(parameters[0], style)
                    : keepable(parameters, style);
            if (kept == null) {
                // java.util.logging with a parameter that is the program's object: format now.
                message = formatNow(message, parameters);
                style = PLAIN;
            }
        } else if (style != PLAIN) {
            style = PLAIN;
        }
        boolean cut = message != null && message.length() > MAX_MESSAGE_CHARS;
        this.message = cut ? message.substring(0, MAX_MESSAGE_CHARS) : message;
        this.messageCut = cut || alreadyCut;
        this.parameters = kept;
        this.style = style;
        this.thrown = thrown;
        this.bytes = bytesOf(this.message, thread, logger, kept, thrown);
    }

    /** A copy of a record the ring holds, with its fields as they were kept ({@link LogRing}). */
    LogEntry(long timeMillis, String level, String logger, String thread, String message, Object parameters,
             ThrownSnapshot thrown, boolean messageCut, int style, int bytes, long sequence) {
        this.timeMillis = timeMillis;
        this.level = level;
        this.logger = logger;
        this.thread = thread;
        this.message = message;
        this.parameters = parameters;
        this.thrown = thrown;
        this.messageCut = messageCut;
        this.style = style;
        this.bytes = bytes;
        this.sequence = sequence;
    }

    /**
     * The estimated bytes a record keeps alive: its message (already cut), names, kept
     * parameters ({@code kept}: null, one value, or an array of values) and exception.
     */
    static int bytesOf(String message, String thread, String logger, Object kept, ThrownSnapshot thrown) {
        int size = 64 + chars(message) + chars(thread) + chars(logger);
        if (kept instanceof Object[]) {
            Object[] several = (Object[]) kept;
            size += 16 + 4 * several.length;
            for (Object p : several) {
                size += p instanceof String ? chars((String) p) : 16;
            }
        } else if (kept != null) {
            size += kept instanceof String ? chars((String) kept) : 16;
        }
        if (thrown != null) {
            size += thrown.bytes;
        }
        return size;
    }

    /**
     * A record's one parameter if the ring may keep it exactly as it is (a JDK value, a String
     * no longer than {@link #MAX_MESSAGE_CHARS}), or null: then it needs what the constructor does.
     */
    static Object keptAsIs(Object p) {
        if (p == null || !isValue(p) || p instanceof String && ((String) p).length() > MAX_MESSAGE_CHARS) {
            return null;
        }
        return p;
    }

    private static int chars(String s) {
        return s == null ? 0 : 40 + 2 * s.length();
    }

    /** {@link #keepable} for a record's one (non-null) parameter: the value to keep, or null. */
    private static Object keepableOne(Object p, int style) {
        if (!isValue(p)) {
            return style == MESSAGE_FORMAT ? null : text(p);
        }
        if (p instanceof String && ((String) p).length() > MAX_MESSAGE_CHARS) {
            return ((String) p).substring(0, MAX_MESSAGE_CHARS);
        }
        return p;
    }

    /**
     * A copy of the parameters holding only values the ring may keep, or null when a
     * {@code MESSAGE_FORMAT} record has one it may not ({@code BRACES} parameters are turned into
     * their text one by one, as SLF4J and Log4j2 would print them).
     */
    private static Object[] keepable(Object[] parameters, int style) {
        Object[] copy = null;
        for (int i = 0; i < parameters.length; i++) {
            Object p = parameters[i];
            Object kept = p;
            if (!isValue(p)) {
                if (style == MESSAGE_FORMAT) {
                    return null;
                }
                kept = text(p);
            } else if (p instanceof String && ((String) p).length() > MAX_MESSAGE_CHARS) {
                kept = ((String) p).substring(0, MAX_MESSAGE_CHARS);
            }
            if (copy == null) {
                // Always a copy: the array may be the program's (or Log4j2's reused one).
                copy = Arrays.copyOf(parameters, parameters.length, Object[].class);
            }
            copy[i] = kept;
        }
        return copy;
    }

    /** An immutable JDK value that references nothing of the program. */
    static boolean isValue(Object p) {
        if (p == null) {
            return true;
        }
        Class<?> c = p.getClass();
        return c == String.class || c == Integer.class || c == Long.class || c == Boolean.class
                || c == Double.class || c == Character.class || c == Float.class || c == Short.class
                || c == Byte.class || c == BigDecimal.class || c == BigInteger.class || c == UUID.class;
    }

    /** The program object's text, as SLF4J prints a parameter; never throws. */
    private static String text(Object p) {
        String s;
        try {
            if (p instanceof Object[]) {
                s = Arrays.deepToString((Object[]) p);
            } else if (p instanceof int[]) {
                s = Arrays.toString((int[]) p);
            } else if (p instanceof long[]) {
                s = Arrays.toString((long[]) p);
            } else if (p instanceof byte[]) {
                s = Arrays.toString((byte[]) p);
            } else if (p instanceof char[]) {
                s = Arrays.toString((char[]) p);
            } else if (p instanceof double[]) {
                s = Arrays.toString((double[]) p);
            } else if (p instanceof boolean[]) {
                s = Arrays.toString((boolean[]) p);
            } else if (p instanceof float[]) {
                s = Arrays.toString((float[]) p);
            } else if (p instanceof short[]) {
                s = Arrays.toString((short[]) p);
            } else {
                s = String.valueOf(p);
            }
        } catch (Throwable hostile) {
            s = "[" + p.getClass().getName() + ".toString() threw " + hostile.getClass().getName() + "]";
        }
        if (s == null) {
            s = "null";
        }
        return s.length() > MAX_MESSAGE_CHARS ? s.substring(0, MAX_MESSAGE_CHARS) : s;
    }

    /** java.util.logging's own rule ({@code Formatter.formatMessage}), applied now. */
    private static String formatNow(String message, Object[] parameters) {
        if (message.indexOf("{0") < 0 && message.indexOf("{1") < 0 && message.indexOf("{2") < 0
                && message.indexOf("{3") < 0) {
            return message;
        }
        try {
            return MessageFormat.format(message, parameters);
        } catch (Throwable e) {
            return message; // a parameter's toString() failed, or the pattern is not MessageFormat's
        }
    }

    /**
     * The same record cut down to keep at most {@code maxBytes} (at least 512): the ring is short
     * of room. Names are cut to 64 characters, the exception to its first line, the message to what
     * is left, and parameters go.
     */
    LogEntry reduced(int maxBytes) {
        String lg = cut(logger, 64);
        String th = cut(thread, 64);
        ThrownSnapshot t = thrown == null ? null : thrown.headerOnly();
        int base = 64 + chars(lg) + chars(th) + (t == null ? 0 : t.bytes);
        if (base > maxBytes - 48) {
            t = null;
            base = 64 + chars(lg) + chars(th);
        }
        int room = Math.max(0, (maxBytes - base - 40) / 2);
        return new LogEntry(timeMillis, level, lg, th, cut(message, room), null, t, true, PLAIN);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    public long timeMillis() {
        return timeMillis;
    }

    public String level() {
        return level;
    }

    public String logger() {
        return logger;
    }

    public String thread() {
        return thread;
    }

    /** The message as logged, before kept parameters are put in; at most {@link #MAX_MESSAGE_CHARS}. */
    public String message() {
        return message;
    }

    /** The kept parameters (JDK values only), or null: see {@link #style()} for how they go in. */
    public Object[] parameters() {
        Object p = parameters;
        if (p == null || p instanceof Object[]) {
            return (Object[]) p;
        }
        return new Object[] {p};
    }

    /** {@link #PLAIN}, {@link #MESSAGE_FORMAT} or {@link #BRACES}. */
    public int style() {
        return style;
    }

    /** The logged exception as it was when logged, or null. */
    public ThrownSnapshot thrown() {
        return thrown;
    }

    /** True if the message was longer than {@link #MAX_MESSAGE_CHARS} and was cut. */
    public boolean messageCut() {
        return messageCut;
    }

    /** Estimated bytes this entry keeps alive. */
    public int bytes() {
        return bytes;
    }

    public long sequence() {
        return sequence;
    }
}
