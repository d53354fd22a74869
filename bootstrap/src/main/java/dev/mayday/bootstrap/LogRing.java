package dev.mayday.bootstrap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The program's last log records, lock-free and bounded. Writers claim a sequence number with
 * one atomic increment and publish their entry into that slot; readers never block writers.
 * At most {@code capacity} entries are ever referenced, so the buffer's memory is bounded by
 * {@code capacity} records of at most {@link LogEntry#MAX_MESSAGE_CHARS} characters each.
 */
public final class LogRing {

    private static volatile LogRing current;

    private final AtomicReferenceArray<LogEntry> slots;
    private final int capacity;
    private final int mask;
    private final AtomicLong next = new AtomicLong();

    public LogRing(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
        this.slots = new AtomicReferenceArray<LogEntry>(capacity);
        // A power of two needs no division; any other size takes one remainder per record.
        this.mask = Integer.bitCount(capacity) == 1 ? capacity - 1 : -1;
    }

    /** The ring the hooks write to, or null before the agent configured one. */
    public static LogRing current() {
        return current;
    }

    /** Makes {@code ring} the one the hooks write to. */
    public static void install(LogRing ring) {
        current = ring;
    }

    /** Keeps {@code entry}, dropping the oldest entry once the ring is full. */
    public void add(LogEntry entry) {
        long sequence = next.getAndIncrement();
        entry.sequence = sequence;
        int slot = mask >= 0 ? (int) (sequence & mask) : (int) (sequence % capacity);
        slots.lazySet(slot, entry);
    }

    /** How many records were ever added, including those the ring has since dropped. */
    public long added() {
        return next.get();
    }

    /** The entries now held, oldest first. */
    public List<LogEntry> snapshot() {
        LogEntry[] copy = new LogEntry[capacity];
        int n = 0;
        for (int i = 0; i < capacity; i++) {
            LogEntry e = slots.get(i);
            if (e != null) {
                copy[n++] = e;
            }
        }
        LogEntry[] held = Arrays.copyOf(copy, n);
        Arrays.sort(held, BY_SEQUENCE);
        List<LogEntry> result = new ArrayList<LogEntry>(n);
        for (LogEntry e : held) {
            result.add(e);
        }
        return result;
    }

    private static final Comparator<LogEntry> BY_SEQUENCE = new Comparator<LogEntry>() {
        @Override
        public int compare(LogEntry a, LogEntry b) {
            return Long.compare(a.sequence, b.sequence);
        }
    };
}
