package dev.mayday.agent.capture;

/** One failure as it was caught: what, where, on which thread, when. */
public final class CrashEvent {

    /** {@code kind} values of the SPEC. */
    public static final String MAIN_LOOP = "main-loop";
    public static final String UNCAUGHT = "uncaught";
    public static final String OOM = "oom";

    private final String kind;
    private final Thread thread;
    private final Throwable failure;
    private final String originType;
    private final String originPattern;
    private final String originMethod;
    private final long timeMillis;

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
