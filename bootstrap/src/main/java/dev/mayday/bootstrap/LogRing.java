package dev.mayday.bootstrap;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The program's last log records, lock-free and bounded. Writers claim a sequence number with
 * one atomic increment and publish their entry into that slot; readers never block writers.
 *
 * <p>Bounded in records and in bytes: at most {@code capacity} entries (and never more than
 * {@link #MAX_CAPACITY}), and at most {@link #MAX_BYTES} as estimated by the entries themselves
 * ({@link LogEntry#bytes()}). Half the bytes are for the usual small records, which are not
 * counted one by one: {@code capacity} entries of at most {@code smallLimit} bytes fit in it by
 * construction, so they cost no extra atomic operation. The other half is for larger records (long
 * messages, exceptions), counted in one shared total; a large record that does not fit is kept cut
 * down to a small one.
 */
public final class LogRing {

    /** The most the entries held may keep alive, whatever is logged. */
    public static final long MAX_BYTES = 8L * 1024 * 1024;
    /** The most entries a ring holds, whatever {@code logBuffer} says (4 MiB / 512 B). */
    public static final int MAX_CAPACITY = 8192;

    private static volatile LogRing current;
    /**
     * Slots between consecutive records, more than a cache line of references apart: primes, the
     * first that does not divide the capacity, so that every slot is still used once per round.
     */
    private static final int[] SPREADS = {17, 19, 23, 29};

    private final AtomicReferenceArray<LogEntry> slots;
    private final int capacity;
    private final int mask;
    private final int spread;
    private final AtomicLong next = new AtomicLong();
    private final int smallLimit;
    private final AtomicLong largeBytes = new AtomicLong();
    /** Set once a large entry was kept: until then a writer reads neither the total nor the old entry. */
    private volatile boolean anyLarge;

    /** @param capacity records to keep; above {@link #MAX_CAPACITY} it is {@link #MAX_CAPACITY} */
    public LogRing(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        capacity = Math.min(capacity, MAX_CAPACITY);
        this.smallLimit = (int) Math.max(512, MAX_BYTES / 2 / capacity);
        this.capacity = capacity;
        this.slots = new AtomicReferenceArray<LogEntry>(capacity);
        // A power of two needs no division; any other size takes one remainder per record.
        this.mask = Integer.bitCount(capacity) == 1 ? capacity - 1 : -1;
        int s = 1;
        for (int candidate : SPREADS) {
            if (capacity % candidate != 0) {
                s = candidate; // 17 * 19 * 23 * 29 is more than MAX_CAPACITY: one always fits
                break;
            }
        }
        this.spread = s;
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
        if (entry.bytes > smallLimit) {
            entry = admitLarge(entry);
        }
        long sequence = next.getAndIncrement();
        entry.sequence = sequence;
        // Consecutive records go `spread` slots apart, not side by side: threads logging at once
        // then write to different cache lines of the ring (the snapshot sorts by sequence).
        long spread = sequence * this.spread;
        int slot = mask >= 0 ? (int) (spread & mask) : (int) (spread % capacity);
        if (!anyLarge) {
            // No large entry anywhere: nothing to give back, and the old entry (long out of the
            // cache by now) need not be read.
            slots.lazySet(slot, entry);
            return;
        }
        LogEntry old = slots.get(slot);
        slots.lazySet(slot, entry);
        // Two writers a whole ring apart on one slot at once could both see the same old entry:
        // then the total is too low by one entry for a while, never unbounded.
        if (old != null && old.bytes > smallLimit) {
            largeBytes.addAndGet(-old.bytes);
        }
    }

    private LogEntry admitLarge(LogEntry entry) {
        if (!anyLarge) {
            anyLarge = true;
        }
        if (largeBytes.addAndGet(entry.bytes) <= MAX_BYTES / 2) {
            return entry;
        }
        largeBytes.addAndGet(-entry.bytes);
        return entry.reduced(smallLimit);
    }

    /** The entries' estimated bytes, large ones counted exactly and small ones at most. */
    public long boundBytes() {
        return largeBytes.get() + (long) capacity * smallLimit;
    }

    /** Records held at most (the {@code logBuffer} asked for, within {@link #MAX_CAPACITY}). */
    public int capacity() {
        return capacity;
    }

    /** How many records were ever added, including those the ring has since dropped. */
    public long added() {
        return next.get();
    }

    /**
     * The entries now held, oldest first. Walked in sequence order, each sequence's slot found as
     * {@link #add} placed it, rather than collected and sorted: sorting a thousand entries through
     * a comparator, interpreted, was a few ms of the first report. A slot already holding a later
     * record (a writer a whole ring ahead) or none yet (a writer between taking its sequence and
     * storing) is skipped.
     */
    public List<LogEntry> snapshot() {
        long end = next.get();
        long start = Math.max(0, end - capacity);
        List<LogEntry> result = new ArrayList<LogEntry>((int) (end - start));
        for (long sequence = start; sequence < end; sequence++) {
            long spread = sequence * this.spread;
            int slot = mask >= 0 ? (int) (spread & mask) : (int) (spread % capacity);
            LogEntry e = slots.get(slot);
            if (e != null && e.sequence == sequence) {
                result.add(e);
            }
        }
        return result;
    }

}
