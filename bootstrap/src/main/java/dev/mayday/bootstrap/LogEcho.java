package dev.mayday.bootstrap;

/**
 * Marks the stretch of a thread during which it dispatches a log record that the ring already
 * holds (java.util.logging, Logback, Log4j2). Whatever that thread writes to stdout or stderr
 * meanwhile is that record's console copy, so stream capture leaves it out and the record is kept
 * once. Log hooks call {@link #begin()} before the framework's appenders run and {@link #end()}
 * after; stream capture asks {@link #active()}.
 */
public final class LogEcho {

    private static final ThreadLocal<int[]> DEPTH = new ThreadLocal<int[]>() {
        @Override
        protected int[] initialValue() {
            return new int[1];
        }
    };

    private LogEcho() {
    }

    /** The calling thread starts dispatching a record already kept. Nests. */
    public static void begin() {
        DEPTH.get()[0]++;
    }

    /**
     * As {@link #begin()}, returning this thread's mark for {@link #exit(int[])}: woven log hooks
     * keep it in a local, so a record costs one thread-local look-up, not two. {@code mark[0]}
     * is then the depth, 1 in the outermost dispatch.
     */
    public static int[] enter() {
        int[] depth = DEPTH.get();
        depth[0]++;
        return depth;
    }

    /** Ends one {@link #enter()}, given the mark it returned. */
    public static void exit(int[] mark) {
        if (mark[0] > 0) {
            mark[0]--;
        }
    }

    /** Ends one {@link #begin()}. */
    public static void end() {
        int[] depth = DEPTH.get();
        if (depth[0] > 0) {
            depth[0]--;
        }
    }

    /** True while the calling thread is inside a dispatch marked by {@link #begin()}. */
    public static boolean active() {
        return DEPTH.get()[0] > 0;
    }
}
