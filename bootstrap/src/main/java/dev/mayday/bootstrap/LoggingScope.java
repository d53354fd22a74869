package dev.mayday.bootstrap;

/**
 * Marks a thread as inside a logging framework's call. A console handler or appender prints the
 * record it was given to System.out or System.err; that copy is not kept again as an stdout or
 * stderr line, because the record itself is already in the ring.
 */
public final class LoggingScope {

    private static final ThreadLocal<int[]> DEPTH = new ThreadLocal<int[]>() {
        @Override
        protected int[] initialValue() {
            return new int[1];
        }
    };

    private LoggingScope() {
    }

    public static void enter() {
        DEPTH.get()[0]++;
    }

    public static void leave() {
        int[] depth = DEPTH.get();
        if (depth[0] > 0) {
            depth[0]--;
        }
    }

    public static boolean inside() {
        return DEPTH.get()[0] > 0;
    }
}
