package dev.mayday.bootstrap;

/**
 * What the log ring keeps of a logged Throwable: its {@code toString()} line, its stack frames,
 * its causes and suppressed exceptions, taken on the logging thread when the record is captured.
 * It holds Strings and {@link StackTraceElement}s only (the JDK clears an element's reference to
 * its class once the element is formatted), so it keeps neither the program's exception object
 * nor, through its backtrace, the program's classes and class loader alive; and the stack trace is
 * later written out on Mayday's thread without calling any of the program's code.
 */
public final class ThrownSnapshot {

    /** Frames kept per exception: the report's log text is cut at 8 KiB anyway. */
    static final int MAX_FRAMES = 64;
    private static final int MAX_DEPTH = 8;
    private static final int MAX_SUPPRESSED = 4;
    private static final int MAX_HEADER_CHARS = 1024;

    final String header;
    final StackTraceElement[] frames;
    final int framesLeftOut;
    final ThrownSnapshot cause;
    final ThrownSnapshot[] suppressed;
    /** Estimated bytes held, for the ring's byte bound. */
    final int bytes;

    private ThrownSnapshot(String header, StackTraceElement[] frames, int framesLeftOut, ThrownSnapshot cause,
                           ThrownSnapshot[] suppressed) {
        this.header = header;
        this.frames = frames;
        this.framesLeftOut = framesLeftOut;
        this.cause = cause;
        this.suppressed = suppressed;
        int size = 48 + 40 + 2 * header.length() + 16 + 64 * frames.length;
        if (cause != null) {
            size += cause.bytes;
        }
        if (suppressed != null) {
            for (ThrownSnapshot s : suppressed) {
                size += s.bytes + 4;
            }
        }
        this.bytes = size;
    }

    /** The snapshot of {@code t}, or null. Runs the program's {@code toString()}: call it on the logging thread. */
    public static ThrownSnapshot of(Throwable t) {
        return t == null ? null : of(t, 0);
    }

    private static ThrownSnapshot of(Throwable t, int depth) {
        String header;
        try {
            header = t.toString();
        } catch (Throwable hostile) {
            header = t.getClass().getName() + " (toString() threw " + hostile.getClass().getName() + ")";
        }
        if (header == null) {
            header = t.getClass().getName();
        } else if (header.length() > MAX_HEADER_CHARS) {
            header = header.substring(0, MAX_HEADER_CHARS) + "...";
        }
        StackTraceElement[] all;
        try {
            all = t.getStackTrace();
        } catch (Throwable hostile) {
            all = new StackTraceElement[0];
        }
        if (all == null) {
            all = new StackTraceElement[0];
        }
        StackTraceElement[] frames = all;
        if (all.length > MAX_FRAMES) {
            frames = new StackTraceElement[MAX_FRAMES];
            System.arraycopy(all, 0, frames, 0, MAX_FRAMES);
        }
        ThrownSnapshot cause = null;
        ThrownSnapshot[] suppressed = null;
        if (depth < MAX_DEPTH) {
            try {
                Throwable c = t.getCause();
                if (c != null && c != t) {
                    cause = of(c, depth + 1);
                }
                Throwable[] s = t.getSuppressed();
                if (s != null && s.length > 0) {
                    int n = Math.min(s.length, MAX_SUPPRESSED);
                    suppressed = new ThrownSnapshot[n];
                    for (int i = 0; i < n; i++) {
                        suppressed[i] = of(s[i], depth + 1);
                    }
                }
            } catch (Throwable hostile) {
                // the program's getCause()/getSuppressed() threw: keep what there is
            }
        }
        return new ThrownSnapshot(header, frames, all.length - frames.length, cause, suppressed);
    }

    /** This exception's line and top frames only: what is kept when the ring is short of room. */
    ThrownSnapshot headerOnly() {
        int n = Math.min(frames.length, 1);
        StackTraceElement[] top = new StackTraceElement[n];
        System.arraycopy(frames, 0, top, 0, n);
        String h = header.length() > 64 ? header.substring(0, 64) + "..." : header;
        return new ThrownSnapshot(h, top, frames.length - n + framesLeftOut, null, null);
    }

    /** {@code Throwable.toString()} as it was when logged. */
    public String header() {
        return header;
    }

    /** The stack trace as {@code printStackTrace} would print it, cut at {@code maxChars}. */
    public String text(int maxChars) {
        StringBuilder out = new StringBuilder(256);
        append(out, "", "", maxChars);
        return out.length() > maxChars ? out.substring(0, maxChars) : out.toString();
    }

    private void append(StringBuilder out, String caption, String indent, int maxChars) {
        out.append(indent).append(caption).append(header).append('\n');
        for (StackTraceElement f : frames) {
            if (out.length() > maxChars) {
                return;
            }
            out.append(indent).append("\tat ").append(f).append('\n');
        }
        if (framesLeftOut > 0) {
            out.append(indent).append("\t... ").append(framesLeftOut).append(" more\n");
        }
        if (suppressed != null) {
            for (ThrownSnapshot s : suppressed) {
                s.append(out, "Suppressed: ", indent + "\t", maxChars);
            }
        }
        if (cause != null) {
            cause.append(out, "Caused by: ", indent, maxChars);
        }
    }
}
