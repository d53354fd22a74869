package dev.mayday.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class LogRingTest {

    private static LogEntry entry(String message) {
        return new LogEntry(1L, "INFO", "test", "main", message, null, null);
    }

    @Test
    void keepsTheNewestRecordsOldestFirstAndNeverMoreThanItsCapacity() {
        LogRing ring = new LogRing(1000);
        for (int i = 0; i < 2500; i++) {
            ring.add(entry("m" + i));
        }
        List<LogEntry> held = ring.snapshot();
        assertEquals(1000, held.size());
        assertEquals("m1500", held.get(0).message());
        assertEquals("m2499", held.get(999).message());
        assertEquals(2500, ring.added());
    }

    @Test
    void powerOfTwoCapacityWorksTheSame() {
        LogRing ring = new LogRing(8);
        for (int i = 0; i < 20; i++) {
            ring.add(entry("m" + i));
        }
        List<LogEntry> held = ring.snapshot();
        assertEquals(8, held.size());
        assertEquals("m12", held.get(0).message());
    }

    @Test
    void messagesAreCutAt8KiB() {
        LogEntry e = entry("x".repeat(100_000));
        assertEquals(LogEntry.MAX_MESSAGE_CHARS, e.message().length());
        assertTrue(e.messageCut());
    }

    @Test
    void concurrentWritersLoseNothingWithinCapacityAndStayBounded() throws Exception {
        LogRing ring = new LogRing(4000);
        int threads = 4;
        CountDownLatch go = new CountDownLatch(1);
        Thread[] writers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            final int id = t;
            writers[t] = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < 1000; i++) {
                    ring.add(entry(id + ":" + i));
                }
            });
            writers[t].start();
        }
        go.countDown();
        for (Thread w : writers) {
            w.join();
        }
        List<LogEntry> held = ring.snapshot();
        assertEquals(4000, held.size());
        for (int i = 1; i < held.size(); i++) {
            assertTrue(held.get(i - 1).sequence() < held.get(i).sequence(), "snapshot is in order");
        }
    }
}
