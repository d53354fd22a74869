package dev.mayday.agent.capture;

/**
 * Under exit semantics ({@code onCrash=exit}, {@code uncaught=exit}) every failing thread first
 * writes its report, asks and delivers; the JVM is ended by the last of them, once no other
 * failing thread is still on its way. A second failure (the same bug held back by {@code quiet}
 * included) therefore never ends the JVM in the middle of the first one's delivery. A thread that
 * ended without exiting no longer counts; an exit that is refused lets the others go on.
 */
final class ExitGate {

    // A fixed array: nothing to allocate while failures (out of memory ones too) come in.
    private final Thread[] onTheirWay = new Thread[64];

    /** A failure with exit semantics arrived on this thread (before its report is written). */
    synchronized void arrive() {
        Thread me = Thread.currentThread();
        int free = -1;
        for (int i = 0; i < onTheirWay.length; i++) {
            if (onTheirWay[i] == me) {
                return;
            }
            if (free < 0 && (onTheirWay[i] == null || !onTheirWay[i].isAlive())) {
                free = i;
            }
        }
        if (free >= 0) {
            onTheirWay[free] = me;
        }
    }

    /** This thread is done (reported, asked, delivered): waits until no other one is on its way. */
    synchronized void readyToExit() {
        Thread me = Thread.currentThread();
        for (int i = 0; i < onTheirWay.length; i++) {
            if (onTheirWay[i] == me) {
                onTheirWay[i] = null;
            }
        }
        notifyAll();
        boolean interrupted = false;
        while (othersOnTheirWay(me)) {
            try {
                wait(500);
            } catch (InterruptedException e) {
                interrupted = true; // the JVM is about to end: keep waiting for the others
            }
        }
        if (interrupted) {
            me.interrupt();
        }
    }

    private boolean othersOnTheirWay(Thread me) {
        for (Thread t : onTheirWay) {
            if (t != null && t != me && t.isAlive()) {
                return true;
            }
        }
        return false;
    }
}
