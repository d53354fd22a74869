package dev.mayday.bootstrap;

/**
 * A little heap held back so that a report can still be built after an OutOfMemoryError. Woven
 * code gives it back as its very first step, before anything on the way to the report allocates;
 * the agent takes it again once the report is written.
 */
public final class MemoryReserve {

    private static final int BYTES = 2 * 1024 * 1024;
    private static volatile byte[] reserve;

    private MemoryReserve() {
    }

    /** Sets the reserve aside if it is not (no-op when there is no memory for it now). */
    public static void take() {
        if (reserve == null) {
            try {
                reserve = new byte[BYTES];
            } catch (OutOfMemoryError e) {
                // Not now; the next report tries again.
            }
        }
    }

    /** Gives the reserve back if {@code failure} is an OutOfMemoryError. Allocates nothing. */
    public static void releaseFor(Throwable failure) {
        if (failure instanceof OutOfMemoryError) {
            reserve = null;
        }
    }

    /** Whether the reserve is set aside now. */
    public static boolean held() {
        return reserve != null;
    }

    /** Gives the reserve back. */
    public static void release() {
        reserve = null;
    }
}
