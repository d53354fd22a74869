package dev.mayday.agent.report;

/**
 * Reads a Throwable the way a report must: each of its methods is the program's code, may be
 * overridden and may throw, so each is asked on its own and a failure costs only what it would
 * have answered (one hostile {@code getCause()} loses the cause, not the threads, logs and
 * system of the report). Never throws.
 */
public final class SafeThrowable {

    /** A line about a failure is cut here: a 50 MB message is not a line. */
    public static final int MAX_LINE_CHARS = 300;

    private static final StackTraceElement[] NO_FRAMES = new StackTraceElement[0];
    private static final Throwable[] NO_THROWABLES = new Throwable[0];

    private SafeThrowable() {
    }

    /** {@code getMessage()}, or a note saying it threw. */
    public static String message(Throwable t) {
        try {
            return t.getMessage();
        } catch (Throwable e) {
            return "(getMessage() threw " + e.getClass().getName() + ")";
        }
    }

    /** {@code getCause()}, or null if it threw. */
    public static Throwable cause(Throwable t) {
        try {
            return t.getCause();
        } catch (Throwable e) {
            return null;
        }
    }

    /** True if {@code getCause()} throws (the report says the cause could not be read). */
    public static boolean causeUnreadable(Throwable t) {
        try {
            t.getCause();
            return false;
        } catch (Throwable e) {
            return true;
        }
    }

    /** {@code getStackTrace()} without null elements, or no frames if it threw. */
    public static StackTraceElement[] frames(Throwable t) {
        try {
            StackTraceElement[] trace = t.getStackTrace();
            if (trace == null) {
                return NO_FRAMES;
            }
            for (StackTraceElement e : trace) {
                if (e == null) {
                    return withoutNulls(trace);
                }
            }
            return trace;
        } catch (Throwable e) {
            return NO_FRAMES;
        }
    }

    /** {@code getSuppressed()} without null elements, or none if it threw. */
    public static Throwable[] suppressed(Throwable t) {
        try {
            Throwable[] all = t.getSuppressed();
            if (all == null) {
                return NO_THROWABLES;
            }
            int n = 0;
            for (Throwable s : all) {
                if (s != null) {
                    n++;
                }
            }
            if (n == all.length) {
                return all;
            }
            Throwable[] kept = new Throwable[n];
            n = 0;
            for (Throwable s : all) {
                if (s != null) {
                    kept[n++] = s;
                }
            }
            return kept;
        } catch (Throwable e) {
            return NO_THROWABLES;
        }
    }

    /** {@code toString()}, or the type and message if it threw. Not cut. */
    public static String text(Throwable t) {
        try {
            String s = t.toString();
            if (s != null) {
                return s;
            }
        } catch (Throwable e) {
            // below
        }
        String message = message(t);
        return message == null ? t.getClass().getName() : t.getClass().getName() + ": " + message;
    }

    /** {@link #text} cut to {@value #MAX_LINE_CHARS} characters on one line: for {@code mayday:} lines. */
    public static String line(Throwable t) {
        return cut(t == null ? "null" : text(t));
    }

    /** {@code s} on one line, at most {@value #MAX_LINE_CHARS} characters. */
    public static String cut(String s) {
        if (s == null) {
            return "null";
        }
        boolean longer = s.length() > MAX_LINE_CHARS;
        String kept = longer ? s.substring(0, MAX_LINE_CHARS) : s;
        kept = kept.replace('\n', ' ').replace('\r', ' ');
        return longer ? kept + "… (" + s.length() + " characters)" : kept;
    }

    /**
     * The stack trace as {@code printStackTrace} shows it (causes and suppressed included, cycles
     * cut), read with the guarded accessors, so a hostile method loses only its own part.
     */
    public static String stackTrace(Throwable t) {
        StringBuilder out = new StringBuilder(1024);
        try {
            append(out, t, "", "", null, new java.util.IdentityHashMap<Throwable, Boolean>(), 0);
        } catch (Throwable e) {
            // out of memory while rendering: what there is
            if (out.length() == 0) {
                out.append(t.getClass().getName());
            }
        }
        return out.toString();
    }

    private static void append(StringBuilder out, Throwable t, String prefix, String caption,
                               StackTraceElement[] enclosing, java.util.IdentityHashMap<Throwable, Boolean> seen,
                               int depth) {
        if (seen.put(t, Boolean.TRUE) != null) {
            out.append(prefix).append(caption).append("[CIRCULAR REFERENCE: ").append(text(t)).append("]\n");
            return;
        }
        out.append(prefix).append(caption).append(text(t)).append('\n');
        StackTraceElement[] trace = frames(t);
        int inCommon = 0;
        if (enclosing != null) {
            int m = trace.length - 1;
            int n = enclosing.length - 1;
            while (m >= 0 && n >= 0 && trace[m].equals(enclosing[n])) {
                m--;
                n--;
                inCommon++;
            }
        }
        for (int i = 0; i < trace.length - inCommon; i++) {
            out.append(prefix).append("\tat ").append(trace[i]).append('\n');
        }
        if (inCommon > 0) {
            out.append(prefix).append("\t... ").append(inCommon).append(" more\n");
        }
        if (depth >= 32) {
            return;
        }
        for (Throwable s : suppressed(t)) {
            append(out, s, prefix + "\t", "Suppressed: ", trace, seen, depth + 1);
        }
        Throwable cause = cause(t);
        if (cause != null) {
            append(out, cause, prefix, "Caused by: ", trace, seen, depth + 1);
        }
    }

    private static StackTraceElement[] withoutNulls(StackTraceElement[] trace) {
        int n = 0;
        for (StackTraceElement e : trace) {
            if (e != null) {
                n++;
            }
        }
        StackTraceElement[] kept = new StackTraceElement[n];
        n = 0;
        for (StackTraceElement e : trace) {
            if (e != null) {
                kept[n++] = e;
            }
        }
        return kept;
    }
}
