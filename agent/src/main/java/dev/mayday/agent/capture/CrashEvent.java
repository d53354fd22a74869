package dev.mayday.agent.capture;

/** One failure as it was caught: what, where, on which thread, when. */
public final class CrashEvent {

    /** {@code kind} values of the SPEC. */
    public static final String MAIN_LOOP = "main-loop";
    public static final String UNCAUGHT = "uncaught";
    public static final String OOM = "oom";
    public static final String SWALLOWED = "swallowed";
    public static final String HANG = "hang";
    public static final String DEADLOCK = "deadlock";
    public static final String JVM_FATAL = "jvm-fatal";
    public static final String LOGGED = "logged";
    /** An exception a server caught at its request boundary (answered 500 and went on). */
    public static final String REQUEST = "request";

    private final String kind;
    private final Thread thread;
    private final Throwable failure;
    private final String originType;
    private final String originPattern;
    private final String originMethod;
    private final long timeMillis;
    private volatile int outcome = PENDING;
    private final java.util.concurrent.atomic.AtomicBoolean fileClaimed = new java.util.concurrent.atomic.AtomicBoolean();

    /** {@link #outcome()}: the report is not written yet. */
    public static final int PENDING = 0;
    /** {@link #outcome()}: the report is in the outbox. */
    public static final int WRITTEN = 1;
    /** {@link #outcome()}: the same signature was written a moment ago ({@code quiet}); counted, not written. */
    public static final int HELD_BACK = 2;
    /** {@link #outcome()}: no report could be written (a line on stderr said why). */
    public static final int LOST = 3;
    /** Extra report keys (Gson elements) by name; {@code origin.X} goes into {@code origin}. Null: none. */
    private java.util.Map<String, Object> extras;
    private String presetId;
    private boolean update;
    private final java.util.Map<String, String> originDetails;

    /**
     * @param originType {@code mainLoop} or {@code uncaught}
     * @param originPattern the mainLoop pattern or the thread entry that saw the failure
     * @param originMethod the wrapped method, or null
     */
    public CrashEvent(String kind, Thread thread, Throwable failure, String originType, String originPattern,
                      String originMethod, long timeMillis) {
        this.kind = isOutOfMemory(failure) ? OOM : kind;
        this.thread = thread;
        this.failure = failure;
        this.originType = originType;
        this.originPattern = originPattern;
        this.originMethod = originMethod;
        this.timeMillis = timeMillis;
        this.originDetails = java.util.Collections.emptyMap();
    }

    /**
     * As above, with more keys for the report's {@code origin} (a logged error's logger, level and
     * message), in the order given.
     */
    public CrashEvent(String kind, Thread thread, Throwable failure, String originType, String originPattern,
                      String originMethod, long timeMillis, java.util.Map<String, String> originDetails) {
        this.kind = isOutOfMemory(failure) ? OOM : kind;
        this.thread = thread;
        this.failure = failure;
        this.originType = originType;
        this.originPattern = originPattern;
        this.originMethod = originMethod;
        this.timeMillis = timeMillis;
        this.originDetails = originDetails;
    }

    /**
     * An event whose {@code origin} carries more than its type and pattern: {@code details} are
     * key, value pairs added to the origin object (a null value is left out).
     */
    public CrashEvent(String kind, Thread thread, Throwable failure, String originType, String originPattern,
                      long timeMillis, String... details) {
        this(kind, thread, failure, originType, originPattern, null, timeMillis, pairs(details));
    }

    private static java.util.Map<String, String> pairs(String[] details) {
        java.util.Map<String, String> map = new java.util.LinkedHashMap<String, String>();
        for (int i = 0; i + 1 < details.length; i += 2) {
            if (details[i + 1] != null) {
                map.put(details[i], details[i + 1]);
            }
        }
        return map;
    }

    /** More keys of {@code origin}; empty for most kinds. */
    public java.util.Map<String, String> originDetails() {
        return originDetails;
    }

    public String kind() {
        return kind;
    }

    public Thread thread() {
        return thread;
    }

    public Throwable failure() {
        return failure;
    }

    public String originType() {
        return originType;
    }

    public String originPattern() {
        return originPattern;
    }

    public String originMethod() {
        return originMethod;
    }

    public long timeMillis() {
        return timeMillis;
    }

    /** What became of this event's report: {@link #PENDING}, {@link #WRITTEN}, {@link #HELD_BACK} or {@link #LOST}. */
    public int outcome() {
        return outcome;
    }

    void outcome(int value) {
        outcome = value;
    }

    /**
     * True once, for whoever writes this event's file first: at the JVM's end a minimal report may
     * be written for an event whose full report is still being built, and only one of them may land.
     */
    /** What {@code quiet} answered for this event, kept for a second attempt at its report; MIN_VALUE if not asked. */
    volatile long admitted = Long.MIN_VALUE;

    boolean claimFile() {
        return fileClaimed.compareAndSet(false, true);
    }

    /** True if the failure or any of its causes is an OutOfMemoryError. Allocates nothing. */
    public static boolean isOutOfMemory(Throwable t) {
        try {
            for (int depth = 0; t != null && depth < 32; depth++, t = t.getCause()) {
                if (t instanceof OutOfMemoryError) {
                    return true;
                }
            }
        } catch (Throwable hostile) {
            // getCause() is the application's code and may throw: not an OOM then.
        }
        return false;
    }

    /**
     * Adds a key to the report beside the SPEC's (or replaces one): {@code value} is a Gson
     * element; a key {@code origin.X} adds {@code X} to the report's {@code origin}.
     */
    public CrashEvent with(String key, Object value) {
        if (extras == null) {
            extras = new java.util.LinkedHashMap<String, Object>();
        }
        extras.put(key, value);
        return this;
    }

    /** The keys {@link #with} added, in order; empty when none. */
    public java.util.Map<String, Object> extras() {
        return extras == null ? java.util.Collections.<String, Object>emptyMap() : extras;
    }

    /**
     * Writes this event under a report id chosen by the caller. With {@code update}, it replaces
     * the report written before under that id (a stall's report growing while the stall goes
     * on): the {@code quiet} window is not asked again and no second line is printed.
     */
    public CrashEvent withId(String id, boolean update) {
        this.presetId = id;
        this.update = update;
        return this;
    }

    /** The id chosen by {@link #withId}, or null for a fresh one. */
    public String presetId() {
        return presetId;
    }

    /** True if this replaces an earlier report with the same id. */
    public boolean isUpdate() {
        return update;
    }
}
