package dev.mayday.bootstrap;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A failure that comes while the agent is still starting waits for it; the starter never waits. */
class BridgeStartTest {

    @AfterEach
    void started() {
        Bridge.started();
    }

    @Test
    void aFailureBeforeTheStartWaitsUntilTheAgentHasStarted() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Thread starter = new Thread(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                return;
            }
            Bridge.started();
        });
        Bridge.startingOn(starter);
        starter.start();
        AtomicLong waitedMillis = new AtomicLong(-1);
        Thread failing = new Thread(() -> {
            long t = System.nanoTime();
            Bridge.awaitStart();
            waitedMillis.set(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t));
        });
        failing.start();
        Thread.sleep(300);
        assertTrue(waitedMillis.get() < 0, "the failure waits while the agent starts");
        release.countDown();
        failing.join(5_000);
        assertTrue(waitedMillis.get() >= 250, "waited " + waitedMillis.get() + " ms, until the start");
    }

    @Test
    void theStarterItselfAndEveryoneAfterTheStartGoOnAtOnce() throws Exception {
        AtomicLong starterWaited = new AtomicLong(-1);
        Thread starter = new Thread(() -> {
            long t = System.nanoTime();
            Bridge.awaitStart(); // a failure on the starter thread: it must not wait for itself
            starterWaited.set(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t));
            Bridge.started();
        });
        Bridge.startingOn(starter);
        starter.start();
        starter.join(10_000);
        assertTrue(starterWaited.get() >= 0 && starterWaited.get() < 1_000, "starter waited " + starterWaited.get());
        long t = System.nanoTime();
        Bridge.awaitStart();
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t) < 1_000, "after the start nothing waits");
    }
}
