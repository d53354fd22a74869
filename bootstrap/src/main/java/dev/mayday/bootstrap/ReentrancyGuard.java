package dev.mayday.bootstrap;

/**
 * Marks a thread as being inside Mayday's own crash handling, so that a failure raised while a
 * report is built never starts another report on the same thread (no recursion, no loop).
 */
public final class ReentrancyGuard {

    private static final ThreadLocal<int[]> DEPTH = new ThreadLocal<int[]>() {
        @Override
        protected int[] initialValue() {
            return new int[1];
        }
    };

    private ReentrancyGuard() {
    }

    /** Enters Mayday code on this thread; false if this thread is already inside it. */
    public static boolean enter() {
        int[] depth = DEPTH.get();
        if (depth[0] > 0) {
            return false;
        }
        depth[0] = 1;
        return true;
    }

    /** Leaves Mayday code; call once after each {@link #enter()} that returned true. */
    public static void exit() {
        DEPTH.get()[0] = 0;
    }
}
