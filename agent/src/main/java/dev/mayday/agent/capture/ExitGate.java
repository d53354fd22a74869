package dev.mayday.agent.capture;

/**
 * One failing thread at a time ends the JVM. The first thread with exit semantics
 * ({@code onCrash=exit}, {@code uncaught=exit}) enters and keeps the gate while it asks and
 * delivers, then exits; another failing thread waits here instead of ending the JVM in the middle
 * of the first one's delivery. It goes on only if the first one's exit was refused (it leaves),
 * or if that thread ended without exiting. Re-entrant for its owner.
 */
final class ExitGate {

    private Thread owner;

    /**
     * Takes the gate if nobody has it, without waiting: called as a failure with exit semantics
     * arrives, before its report is written, so that the first failure (not the first report
     * finished) is the one whose delivery the others wait for.
     */
    synchronized void claim() {
        if (owner == null || !owner.isAlive()) {
            owner = Thread.currentThread();
        }
    }

    synchronized void enter() {
        Thread me = Thread.currentThread();
        boolean interrupted = false;
        while (owner != null && owner != me && owner.isAlive()) {
            try {
                wait(1000);
            } catch (InterruptedException e) {
                interrupted = true; // the JVM is ending: keep waiting for the exit under way
            }
        }
        owner = me;
        if (interrupted) {
            me.interrupt();
        }
    }

    synchronized void leave() {
        if (owner == Thread.currentThread()) {
            owner = null;
            notifyAll();
        }
    }
}
