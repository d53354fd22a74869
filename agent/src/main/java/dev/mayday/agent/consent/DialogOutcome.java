package dev.mayday.agent.consent;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hands the dialog's answer from the event dispatch thread to the thread that asked, and settles
 * the race between "the dialog opened" and "the asker gave up waiting for it": exactly one of
 * the two wins, so a dialog that opens too late closes itself instead of waiting for nobody.
 */
final class DialogOutcome {

    private static final int WAITING = 0;
    private static final int OPENED = 1;
    private static final int ABANDONED = 2;

    private final AtomicInteger state = new AtomicInteger(WAITING);
    private final CountDownLatch openedOrFinished = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final AtomicBoolean done = new AtomicBoolean();
    private volatile ConsentAnswer answer;
    private volatile Runnable closer;

    /** Event thread: the window opened. False when the asker already gave up: close it then. */
    boolean opened() {
        boolean first = state.compareAndSet(WAITING, OPENED);
        openedOrFinished.countDown();
        return first || state.get() == OPENED;
    }

    /** Asking thread: stop waiting for the window. False if it opened meanwhile (keep waiting for the answer). */
    boolean abandon() {
        return state.compareAndSet(WAITING, ABANDONED) || state.get() == ABANDONED;
    }

    boolean abandoned() {
        return state.get() == ABANDONED;
    }

    /** The answer, or null for "closed without one"; only the first call counts. */
    void finish(ConsentAnswer result) {
        if (done.compareAndSet(false, true)) {
            answer = result;
            finished.countDown();
            openedOrFinished.countDown();
        }
    }

    /** How to close the window from the outside (runs on the event thread). */
    void closeWith(Runnable close) {
        this.closer = close;
    }

    /** Event thread: closes the window if there is one. */
    void close() {
        Runnable close = closer;
        if (close != null) {
            close.run();
        }
    }

    /** True once the window opened or the attempt finished (failed, or answered at once). */
    boolean awaitOpened(long timeoutMillis) throws InterruptedException {
        return openedOrFinished.await(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    ConsentAnswer awaitAnswer() throws InterruptedException {
        finished.await();
        return answerNow();
    }

    /** The answer if there is one yet, else null. */
    ConsentAnswer answerNow() {
        return answer;
    }
}
