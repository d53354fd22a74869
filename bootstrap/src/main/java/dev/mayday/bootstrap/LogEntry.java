package dev.mayday.bootstrap;

/**
 * One captured log record, kept raw: the message is formatted only when a report is built,
 * so capturing costs an allocation and a few field writes. Immutable once published.
 */
public final class LogEntry {

    /** Longest message kept, in characters; longer ones are cut when captured. */
    public static final int MAX_MESSAGE_CHARS = 8192;

    final long timeMillis;
    final String level;
    final String logger;
    final String thread;
    final String message;
    final Object[] parameters;
    final Throwable thrown;
    final boolean messageCut;
    /** Position in the ring's total order; set by {@link LogRing#add(LogEntry)} before publishing. */
    long sequence;

    public LogEntry(long timeMillis, String level, String logger, String thread, String message,
                    Object[] parameters, Throwable thrown) {
        this(timeMillis, level, logger, thread, message, parameters, thrown, false);
    }

    /** As above; {@code alreadyCut} says the caller already cut a longer message. */
    public LogEntry(long timeMillis, String level, String logger, String thread, String message,
                    Object[] parameters, Throwable thrown, boolean alreadyCut) {
        this.timeMillis = timeMillis;
        this.level = level;
        this.logger = logger;
        this.thread = thread;
        boolean cut = message != null && message.length() > MAX_MESSAGE_CHARS;
        this.message = cut ? message.substring(0, MAX_MESSAGE_CHARS) : message;
        this.messageCut = cut || alreadyCut;
        this.parameters = parameters;
        this.thrown = thrown;
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

    /** The message as logged, before parameters are put in; at most {@link #MAX_MESSAGE_CHARS}. */
    public String message() {
        return message;
    }

    /** The logging call's parameters (java.util.logging's {0}-style), or null. */
    public Object[] parameters() {
        return parameters;
    }

    public Throwable thrown() {
        return thrown;
    }

    /** True if the message was longer than {@link #MAX_MESSAGE_CHARS} and was cut. */
    public boolean messageCut() {
        return messageCut;
    }

    public long sequence() {
        return sequence;
    }
}
