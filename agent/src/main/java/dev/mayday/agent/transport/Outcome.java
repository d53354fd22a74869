package dev.mayday.agent.transport;

/**
 * What one destination said about one report: it has it ({@link #delivered}), it will never take
 * it ({@link #rejected}: the report is bad, sending it again cannot help), or it could not be
 * reached or refused for now ({@link #failed}: wrong token, down, rate limit, TLS; try later).
 */
public final class Outcome {

    /** The three answers a delivery can end with. */
    public enum Kind { DELIVERED, REJECTED, FAILED }

    private static final Outcome DELIVERED = new Outcome(Kind.DELIVERED, null);

    private final Kind kind;
    private final String reason;
    private final boolean destinationDown;

    private Outcome(Kind kind, String reason) {
        this(kind, reason, kind == Kind.FAILED);
    }

    private Outcome(Kind kind, String reason, boolean destinationDown) {
        this.kind = kind;
        this.reason = reason;
        this.destinationDown = destinationDown;
    }

    public static Outcome delivered() {
        return DELIVERED;
    }

    /** The destination will never take this report; {@code reason} is its answer. */
    public static Outcome rejected(String reason) {
        return new Outcome(Kind.REJECTED, reason);
    }

    /** Nothing was delivered now; {@code reason} says why in a few words. */
    public static Outcome failed(String reason) {
        return new Outcome(Kind.FAILED, reason);
    }

    /**
     * Nothing was delivered now, but the destination works: this one report failed there (a 5xx
     * for it, a "retry" error). The next reports are still offered to it.
     */
    public static Outcome failedThisReport(String reason) {
        return new Outcome(Kind.FAILED, reason, false);
    }

    /** True when a failure is the destination's (down, token, TLS, busy), not only this report's. */
    public boolean destinationDown() {
        return destinationDown;
    }

    public Kind kind() {
        return kind;
    }

    /** Why it was rejected or failed; null when delivered. */
    public String reason() {
        return reason;
    }

    @Override
    public String toString() {
        return reason == null ? kind.toString() : kind + ": " + reason;
    }
}
