package dev.mayday.agent.capture;

/** One failure as it was caught: what, where, on which thread, when. */
public final class CrashEvent {

    /** {@code kind} values of the SPEC. */
    public static final String MAIN_LOOP = "main-loop";
    public static final String UNCAUGHT = "uncaught";
    public static final String OOM = "oom";
    /** An exception a server caught at its request boundary (answered 500 and went on). */
    public static final String REQUEST = "request";

    private final String kind;
    private final Thread thread;
    private final Throwable failure;
    private final String originType;
    private final String originPattern;
    private final String originMethod;
    private final long timeMillis;
    private final String[] originDetails;

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
        this.originDetails = NO_DETAILS;
    }

    private static final String[] NO_DETAILS = new String[0];

    /**
     * An event whose {@code origin} carries more than its type and pattern: {@code details} are
     * key, value pairs added to the origin object (a null value is left out).
     */
    public CrashEvent(String kind, Thread thread, Throwable failure, String originType, String originPattern,
                      long timeMillis, String... details) {
        this.kind = isOutOfMemory(failure) ? OOM : kind;
        this.thread = thread;
        this.failure = failure;
        this.originType = originType;
        this.originPattern = originPattern;
        this.originMethod = null;
        this.timeMillis = timeMillis;
        this.originDetails = details.clone();
    }

    /** Extra {@code origin} entries as key, value pairs (values may be null). */
    public String[] originDetails() {
        return originDetails.clone();
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
}
