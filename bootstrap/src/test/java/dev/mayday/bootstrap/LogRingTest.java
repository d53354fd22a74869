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
    void everySlotIsUsedWhateverTheCapacityWhileRecordsAreSpreadOverTheRing() {
        // 34 and 323 are multiples of the first spreads (17; 17 and 19): another spread is taken.
        for (int capacity : new int[] {1, 2, 16, 34, 323, 1000, 1024}) {
            LogRing ring = new LogRing(capacity);
            for (int i = 0; i < capacity * 3 + 5; i++) {
                ring.add(entry("m" + i));
            }
            List<LogEntry> held = ring.snapshot();
            assertEquals(capacity, held.size(), "capacity " + capacity);
            assertEquals("m" + (capacity * 2 + 5), held.get(0).message(), "capacity " + capacity);
            assertEquals("m" + (capacity * 3 + 4), held.get(capacity - 1).message(), "capacity " + capacity);
        }
    }

    @Test
    void oneParameterIsKeptWithoutAnArrayAndReadBackAsOne() {
        LogEntry number = new LogEntry(1L, "INFO", "test", "main", "request {} handled", new Object[] {42}, null,
                false, LogEntry.BRACES);
        assertEquals(1, number.parameters().length);
        assertEquals(42, number.parameters()[0]);
        // An array parameter is kept as its text, so the one kept value is never an array itself.
        LogEntry array = new LogEntry(1L, "INFO", "test", "main", "ids {}", new Object[] {new int[] {1, 2}}, null,
                false, LogEntry.BRACES);
        assertEquals("[1, 2]", array.parameters()[0]);
        LogEntry none = new LogEntry(1L, "INFO", "test", "main", "plain", null, null, false, LogEntry.BRACES);
        assertEquals(null, none.parameters());
        LogEntry two = new LogEntry(1L, "INFO", "test", "main", "{} {}", new Object[] {"a", null}, null, false,
                LogEntry.BRACES);
        assertEquals(2, two.parameters().length);
        assertEquals(null, two.parameters()[1]);
        LogEntry oneNull = new LogEntry(1L, "INFO", "test", "main", "{}", new Object[] {null}, null, false,
                LogEntry.BRACES);
        assertEquals(1, oneNull.parameters().length);
        assertEquals(null, oneNull.parameters()[0]);
    }

    @Test
    void messagesAreCutAt8KiB() {
        LogEntry e = entry("x".repeat(100_000));
        assertEquals(LogEntry.MAX_MESSAGE_CHARS, e.message().length());
        assertTrue(e.messageCut());
    }

    @Test
    void concurrentWritersLoseNothingWithinCapacityAndEachKeepsItsOrder() throws Exception {
        LogRing ring = new LogRing(4000, 4);
        assertEquals(2, ring.stripes(), "4 stripes of 4000 slots would be over the most slots a ring has");
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
        assertEquals(4000, ring.added());
        int[] last = {-1, -1, -1, -1};
        for (LogEntry e : held) {
            int writer = e.message().charAt(0) - '0';
            int i = Integer.parseInt(e.message().substring(2));
            assertTrue(i > last[writer], "writer " + writer + "'s records in its order: " + i + " after " + last[writer]);
            last[writer] = i;
        }
    }

    @Test
    void onceStripedTheSnapshotIsTheNewestRecordsOfAllStripesByTime() throws Exception {
        LogRing ring = new LogRing(8, 4);
        assertEquals(4, ring.stripes());
        ring.add(new LogEntry(1L, "INFO", "t", "main", "before", null, null));
        ring.stripeFromNowOn();
        // Four threads one after another (so the test decides the times), 10 records each,
        // times interleaved: thread k logs at 10 * i + k.
        Thread[] writers = new Thread[4];
        for (int k = 0; k < 4; k++) {
            final int id = k;
            writers[k] = new Thread(() -> {
                for (int i = 0; i < 10; i++) {
                    ring.add(new LogEntry(10L * (i + 1) + id, "INFO", "t", "w" + id, "w" + id + ":" + i, null, null));
                }
            });
        }
        for (Thread w : writers) {
            w.start();
            w.join();
        }
        assertEquals(41, ring.added());
        List<LogEntry> held = ring.snapshot();
        assertEquals(8, held.size(), "the ring's capacity, whatever the stripes hold");
        for (int i = 1; i < held.size(); i++) {
            assertTrue(held.get(i - 1).timeMillis() < held.get(i).timeMillis(), held.toString());
        }
        assertEquals(103L, held.get(7).timeMillis(), "the newest of all");
        assertEquals(90L, held.get(0).timeMillis(), "and the seven before it: 102, 101, 100, 93, 92, 91, 90");
    }

    @Test
    void aSingleWriterNeverStripes() {
        LogRing ring = new LogRing(1000, 4);
        for (int i = 0; i < 5000; i++) {
            ring.add(entry("m" + i));
        }
        assertTrue(!ring.striped());
        assertEquals(1000, ring.stripe(0).size());
        assertEquals("m4999", ring.snapshot().get(999).message());
    }

    /** Sums what every entry the ring holds estimates it keeps alive, in all its stripes. */
    private static long allHeldBytes(LogRing ring) {
        long sum = 0;
        for (int s = 0; s < ring.stripes(); s++) {
            for (LogEntry e : ring.stripe(s)) {
                sum += e.bytes();
            }
        }
        return sum;
    }

    @Test
    void memoryStaysWithin8MiBWhateverIsLogged() {
        LogRing ring = new LogRing(1000);
        String big = "y".repeat(LogEntry.MAX_MESSAGE_CHARS);
        Throwable deep = new IllegalStateException("deep");
        for (int i = 0; i < 5000; i++) {
            ring.add(new LogEntry(i, "INFO", "test", "main", big + i, new Object[] {big, big}, deep));
        }
        assertEquals(1000, ring.snapshot().size());
        assertTrue(allHeldBytes(ring) <= LogRing.MAX_BYTES, "held " + allHeldBytes(ring));
        // The newest records are all there, the ones that did not fit cut down, never dropped.
        assertTrue(ring.snapshot().get(999).message().startsWith("yyy"));
    }

    @Test
    void everyStripeFullOfLargeAndSmallRecordsStaysWithin8MiB() throws Exception {
        LogRing ring = new LogRing(1000, 4);
        ring.stripeFromNowOn();
        String big = "y".repeat(LogEntry.MAX_MESSAGE_CHARS);
        String small = "s".repeat(500);
        Thread[] writers = new Thread[8];
        for (int k = 0; k < writers.length; k++) {
            final boolean large = k % 2 == 0;
            writers[k] = new Thread(() -> {
                for (int i = 0; i < 3000; i++) {
                    ring.add(new LogEntry(i, "INFO", "test", "w", large ? big + i : small + i, null, null));
                }
            });
        }
        for (Thread w : writers) {
            w.start();
            w.join();
        }
        assertTrue(allHeldBytes(ring) <= LogRing.MAX_BYTES, "held " + allHeldBytes(ring));
        assertTrue(allHeldBytes(ring) <= ring.boundBytes(), "held " + allHeldBytes(ring) + ", bound " + ring.boundBytes());
        assertEquals(1000, ring.snapshot().size());
    }

    @Test
    void aHugeLogBufferIsHeldToTheByteBound() {
        LogRing ring = new LogRing(1_000_000);
        assertEquals(LogRing.MAX_CAPACITY, ring.capacity());
        for (int i = 0; i < 20_000; i++) {
            ring.add(entry("z".repeat(3000)));
        }
        assertTrue(allHeldBytes(ring) <= LogRing.MAX_BYTES, "held " + allHeldBytes(ring));
    }

    static final class Payload {
        final byte[] bytes = new byte[1024];
        volatile int toStringCalls;

        @Override
        public String toString() {
            toStringCalls++;
            return "Payload(1024)";
        }
    }

    @Test
    void anEntryKeepsNoObjectOfTheProgram() {
        Payload payload = new Payload();
        Object[] params = {payload, 42, "text"};
        LogEntry jul = new LogEntry(1L, "INFO", "t", "main", "got {0} and {1}", params, new RuntimeException("x"));
        assertEquals(1, payload.toStringCalls, "formatted once, on the logging thread");
        assertEquals("got Payload(1024) and 42", jul.message());
        assertEquals(null, jul.parameters());

        LogEntry braces = new LogEntry(1L, "INFO", "t", "main", "got {} and {}", params, null, false, LogEntry.BRACES);
        assertEquals(2, payload.toStringCalls);
        assertEquals("Payload(1024)", braces.parameters()[0]);
        assertEquals(42, braces.parameters()[1]);
        assertTrue(braces.parameters() != params, "a copy: the caller's (or Log4j2's reused) array may change");

        LogEntry usual = new LogEntry(1L, "INFO", "t", "main", "n={0}", new Object[] {7L}, null);
        assertEquals(7L, usual.parameters()[0], "JDK values stay unformatted");
        assertTrue(jul.thrown().text(8192).startsWith("java.lang.RuntimeException: x\n\tat "), jul.thrown().text(8192));
    }

    @Test
    void aRecordAddedWithoutAnEntryIsKeptAsItsEntryWouldBe() {
        Payload payload = new Payload();
        String longText = "x".repeat(LogEntry.MAX_MESSAGE_CHARS + 10);
        Object[][] parameterCases = {null, {}, {42}, {"text"}, {longText}, {payload}, {null}, {7L, "two"}};
        String[] messages = {"plain", "n={0} and {}", longText, null};
        int[] styles = {LogEntry.PLAIN, LogEntry.MESSAGE_FORMAT, LogEntry.BRACES};
        for (Object[] parameters : parameterCases) {
            for (String message : messages) {
                for (int style : styles) {
                    for (boolean cut : new boolean[] {false, true}) {
                        String what = java.util.Arrays.toString(parameters) + " " + (message == null ? null
                                : message.substring(0, Math.min(12, message.length()))) + " style " + style + " cut " + cut;
                        LogRing ring = new LogRing(4);
                        ring.addRecord(5L, "INFO", "lg", "th", message, parameters, style, cut);
                        List<LogEntry> held = ring.snapshot();
                        assertEquals(1, held.size(), what);
                        LogEntry got = held.get(0);
                        LogEntry expected = new LogEntry(5L, "INFO", "lg", "th", message, parameters, null, cut, style);
                        assertEquals(expected.message(), got.message(), what);
                        assertEquals(java.util.Arrays.toString(expected.parameters()),
                                java.util.Arrays.toString(got.parameters()), what);
                        assertEquals(expected.style(), got.style(), what);
                        assertEquals(expected.messageCut(), got.messageCut(), what);
                        assertEquals(expected.bytes(), got.bytes(), what);
                        assertEquals(5L, got.timeMillis(), what);
                        assertEquals("INFO", got.level(), what);
                        assertEquals("lg", got.logger(), what);
                        assertEquals("th", got.thread(), what);
                        assertEquals(0L, got.sequence(), what);
                    }
                }
            }
        }
    }

    @Test
    void aSnapshotTakenWhileWritersOverwriteSlotsNeverMixesTwoRecords() throws Exception {
        // Eight slots a stripe, so that the writers overwrite each slot over and over while the
        // reader copies it: every record's fields name one writer and one count.
        LogRing ring = new LogRing(8, 4);
        ring.stripeFromNowOn();
        int threads = 4;
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        Thread[] writers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            final String name = "w" + t;
            final Object[] none = null;
            writers[t] = new Thread(() -> {
                for (long i = 0; !stop.get(); i++) {
                    ring.addRecord(i, "INFO", name, name, name + ":" + i, i % 2 == 0 ? none : new Object[] {i},
                            LogEntry.BRACES, false);
                }
            });
            writers[t].start();
        }
        long copies = 0;
        long deadline = System.nanoTime() + 1_000_000_000L;
        try {
            while (System.nanoTime() < deadline) {
                for (LogEntry e : ring.snapshot()) {
                    copies++;
                    String[] parts = e.message().split(":");
                    assertEquals(parts[0], e.logger(), e.message());
                    assertEquals(parts[0], e.thread(), e.message());
                    long i = Long.parseLong(parts[1]);
                    assertEquals(i, e.timeMillis(), e.message());
                    if (i % 2 == 0) {
                        assertEquals(null, e.parameters(), e.message());
                        assertEquals(LogEntry.PLAIN, e.style(), e.message());
                    } else {
                        assertEquals(i, e.parameters()[0], e.message());
                        assertEquals(LogEntry.BRACES, e.style(), e.message());
                    }
                }
            }
        } finally {
            stop.set(true);
            for (Thread w : writers) {
                w.join();
            }
        }
        assertTrue(copies > 1000, "the reader copied records while they were written: " + copies);
    }
}
