package dev.mayday.agent.capture;

/**
 * A little heap held back so that a report can still be built after an OutOfMemoryError:
 * released the moment one is seen, taken again once the report is written.
 */
final class MemoryReserve {

    private static final int BYTES = 2 * 1024 * 1024;
    private volatile byte[] reserve;

    void take() {
        if (reserve == null) {
            try {
                reserve = new byte[BYTES];
            } catch (OutOfMemoryError e) {
                // Not now; the next report tries again.
            }
        }
    }

    void release() {
        reserve = null;
    }
}
