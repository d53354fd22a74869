package dev.mayday.bootstrap;

import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The program's last log records, lock-free and bounded. Writers claim a sequence number with
 * one atomic increment and write their record into that slot; readers never block writers.
 *
 * <p>Bounded in records and in bytes: at most {@code capacity} entries per stripe (below) and
 * never more than {@link #MAX_CAPACITY} in all, and at most {@link #MAX_BYTES} as estimated by
 * the entries themselves ({@link LogEntry#bytes()}). Half the bytes are for the usual small
 * records, which are not counted one by one: every slot holding an entry of at most
 * {@code smallLimit} bytes fits in it by construction, so they cost no extra atomic operation. The
 * other half is for larger records (long messages, exceptions), counted in one shared total; a
 * large record that does not fit is kept cut down to a small one.
 *
 * <p>Threads that log at the same moment would all increment one sequence number, a cache line
 * the cores pass back and forth (some 200 ns a record at 4 threads on 2 cores). So the ring has
 * stripes, each a ring of {@code capacity} slots with its own sequence number on its own cache
 * line. Until two writers first collide on stripe 0 (a failed compare-and-set) every record goes
 * there, so a program that logs from one thread at a time pays nothing for them. After that a
 * thread writes to the stripe of its id. Each stripe keeps its own last {@code capacity}
 * records, so the ring's last {@code capacity} are all among them: {@link #snapshot()} merges the
 * stripes by the records' times, each stripe in its own order, and keeps the newest
 * {@code capacity}.
 *
 * <p>A slot is a mutable {@link Slot} that each record overwrites in place, so the usual record
 * costs no allocation ({@link #addRecord}): on 2 cores, where java.util.logging's own contention
 * makes every memory access dear, allocating one object a record cost the logging thread 20 to
 * 60 ns more than storing its fields (bench/README.md, "Session 8"). A slot's {@code stamp} says
 * which record it holds: 0 none yet, -1 being written, else the record's sequence + 1. A reader
 * copies the fields into a {@link LogEntry} between two reads of the stamp and keeps the copy only
 * if both show the sequence it looks for (a sequence lock). Fields are written only where they
 * change: a loop logging one message from one logger and thread stores no reference at all, so
 * the garbage collector's write barrier has nothing to do.
 */
public final class LogRing {

    /** The most the entries held may keep alive, whatever is logged. */
    public static final long MAX_BYTES = 8L * 1024 * 1024;
    /** The most slots a ring has over all its stripes, whatever {@code logBuffer} says (4 MiB / 512 B). */
    public static final int MAX_CAPACITY = 8192;
    /** Stripes at most: enough that logging threads rarely share one, few enough to keep small records roomy. */
    static final int MAX_STRIPES = 4;
    /** Longs between two stripes' sequence numbers: 128 bytes, two cache lines, so no two share one. */
    private static final int PAD = 16;
    /**
     * Slots left empty at the start of the slots array: its first cache line also holds the
     * array's length, which every writer reads to check its index, so no writer may store there.
     * 32 references are 128 bytes even without compressed references.
     */
    private static final int HEAD = 32;

    private static volatile LogRing current;
    /**
     * Slots between consecutive records, more than a cache line of references apart: primes, the
     * first that does not divide the capacity, so that every slot is still used once per round.
     */
    private static final int[] SPREADS = {17, 19, 23, 29};

    /**
     * Stripe {@code s} owns slots {@code HEAD + [s * capacity, (s + 1) * capacity)}. A slot's
     * object is made by its first record and reused by every later one.
     */
    private final AtomicReferenceArray<Slot> slots;
    /**
     * Stripe {@code s}'s next sequence number at index {@code (s + 1) * PAD}: index 0 shares its
     * cache line with the array's length, which every writer reads.
     */
    private final AtomicLongArray next;
    private final int stripes;
    private final int capacity;
    private final int mask;
    private final int spread;
    private final int smallLimit;
    private final AtomicLong largeBytes = new AtomicLong();
    /** Set once a large entry was kept: until then a writer reads neither the total nor the old entry. */
    private volatile boolean anyLarge;
    /** Set once two writers collided: from then on each thread writes to the stripe of its id. */
    private volatile boolean contended;

    /** @param capacity records to keep; above {@link #MAX_CAPACITY} it is {@link #MAX_CAPACITY} */
    public LogRing(int capacity) {
        this(capacity, Runtime.getRuntime().availableProcessors() > 1 ? MAX_STRIPES : 1);
    }

    /** As {@link #LogRing(int)} with at most {@code stripes} stripes (a power of two). */
    LogRing(int capacity, int stripes) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        capacity = Math.min(capacity, MAX_CAPACITY);
        // Every slot of every stripe counts against the small records' half of the bytes.
        while (stripes > 1 && (long) stripes * capacity > MAX_CAPACITY) {
            stripes /= 2;
        }
        this.stripes = stripes;
        this.smallLimit = (int) Math.max(512, MAX_BYTES / 2 / ((long) stripes * capacity));
        this.capacity = capacity;
        this.slots = new AtomicReferenceArray<Slot>(HEAD + stripes * capacity);
        this.next = new AtomicLongArray((stripes + 1) * PAD);
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

    /**
     * Keeps a record without an exception, as {@code new LogEntry(...)} followed by
     * {@link #add(LogEntry)} would, but for the usual record (a message of at most
     * {@link LogEntry#MAX_MESSAGE_CHARS} characters, no parameter or one JDK value, small enough
     * for a slot) without making any object. Any other record goes through a {@link LogEntry}.
     *
     * @param style {@link LogEntry#MESSAGE_FORMAT} or {@link LogEntry#BRACES} for the parameters
     *        ({@link LogEntry#PLAIN} when there are none)
     * @param alreadyCut the caller already cut a longer message
     */
    public void addRecord(long timeMillis, String level, String logger, String thread, String message,
                          Object[] parameters, int style, boolean alreadyCut) {
        Object kept = null;
        boolean fits;
        if (parameters == null || parameters.length == 0) {
            style = LogEntry.PLAIN;
            fits = true;
        } else {
            kept = parameters.length == 1 && style != LogEntry.PLAIN ? LogEntry.keptAsIs(parameters[0]) : null;
            fits = kept != null;
        }
        if (fits && message != null && message.length() <= LogEntry.MAX_MESSAGE_CHARS) {
            int bytes = LogEntry.bytesOf(message, thread, logger, kept, null);
            if (bytes <= smallLimit) {
                put(timeMillis, level, logger, thread, message, kept, null, alreadyCut, style, bytes);
                return;
            }
        }
        add(new LogEntry(timeMillis, level, logger, thread, message, parameters, null, alreadyCut, style));
    }

    /** Keeps {@code entry}'s record, dropping the oldest record of its stripe once that stripe is full. */
    public void add(LogEntry entry) {
        if (entry.bytes > smallLimit) {
            entry = admitLarge(entry);
        }
        entry.sequence = put(entry.timeMillis, entry.level, entry.logger, entry.thread, entry.message,
                entry.parameters, entry.thrown, entry.messageCut, entry.style, entry.bytes);
    }

    /** Takes the next sequence number and writes the record into its slot; returns the sequence. */
    private long put(long timeMillis, String level, String logger, String thread, String message, Object parameters,
                     ThrownSnapshot thrown, boolean cut, int style, int bytes) {
        int stripe = 0;
        long sequence = -1;
        if (!contended) {
            long free = next.get(counter(0));
            if (next.compareAndSet(counter(0), free, free + 1)) {
                sequence = free;
            } else {
                // Another writer took this number at the same moment: from now on, stripes.
                contended = true;
            }
        }
        if (sequence < 0) {
            stripe = stripeOfCurrentThread();
            sequence = next.getAndIncrement(counter(stripe));
        }
        int index = HEAD + stripe * capacity + slotOf(sequence);
        Slot slot = slots.get(index);
        if (slot == null) {
            slot = slotMadeAt(index);
        }
        int oldBytes = anyLarge ? slot.bytes : 0;
        slot.write(sequence, timeMillis, level, logger, thread, message, parameters, thrown, cut, style, bytes);
        // Until a large entry was kept there is nothing to give back, and the old size need not be
        // read. Two writers a whole ring apart on one slot at once could both see the same old
        // size: then the total is too low by one entry for a while, never unbounded.
        if (oldBytes > smallLimit) {
            largeBytes.addAndGet(-oldBytes);
        }
        return sequence;
    }

    /** The slot object at {@code index}, made now by its first record (once, if two race). */
    private Slot slotMadeAt(int index) {
        Slot made = new Slot();
        if (slots.compareAndSet(index, null, made)) {
            return made;
        }
        return slots.get(index);
    }

    /** Where stripe {@code s}'s next sequence number is in {@link #next}. */
    private static int counter(int s) {
        return (s + 1) * PAD;
    }

    /**
     * The slot of a stripe's {@code sequence}. Consecutive records go {@code spread} slots apart,
     * not side by side: threads sharing a stripe then write to different cache lines of it.
     */
    private int slotOf(long sequence) {
        long spread = sequence * this.spread;
        return mask >= 0 ? (int) (spread & mask) : (int) (spread % capacity);
    }

    /**
     * By the thread's id: threads of a pool, made one after another, get different stripes.
     * (Deprecated from Java 19 in favour of threadId(), which Java 17 lacks; the same value.)
     */
    @SuppressWarnings("deprecation")
    private int stripeOfCurrentThread() {
        return (int) Thread.currentThread().getId() & (stripes - 1);
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
        return largeBytes.get() + (long) stripes * capacity * smallLimit;
    }

    /** Records held at most (the {@code logBuffer} asked for, within {@link #MAX_CAPACITY}). */
    public int capacity() {
        return capacity;
    }

    /** How many records were ever added, including those the ring has since dropped. */
    public long added() {
        long sum = 0;
        for (int s = 0; s < stripes; s++) {
            sum += next.get(counter(s));
        }
        return sum;
    }

    /** The stripes this ring has (1 on a one-processor machine or for the largest capacities). */
    int stripes() {
        return stripes;
    }

    /** Whether writers collided, so that each thread now writes to its own stripe. */
    boolean striped() {
        return contended;
    }

    /** As after a first collision (for tests, which cannot make one happen on demand). */
    void stripeFromNowOn() {
        contended = true;
    }

    /**
     * The newest {@code capacity} entries, oldest first. Each stripe is walked in sequence order,
     * each sequence's slot found as {@link #add} placed it, rather than collected and sorted:
     * sorting a thousand entries through a comparator, interpreted, was a few ms of the first
     * report. A slot already holding a later record (a writer a whole ring ahead) or none yet (a
     * writer between taking its sequence and storing) is skipped. Stripes that were used are then
     * merged by the records' times (equal times: the lower stripe first), each stripe's own order
     * kept.
     */
    public List<LogEntry> snapshot() {
        List<List<LogEntry>> used = new ArrayList<List<LogEntry>>(stripes);
        for (int s = 0; s < stripes; s++) {
            List<LogEntry> one = stripe(s);
            if (!one.isEmpty()) {
                used.add(one);
            }
        }
        if (used.isEmpty()) {
            return new ArrayList<LogEntry>(0);
        }
        if (used.size() == 1) {
            return used.get(0);
        }
        return newest(merged(used), capacity);
    }

    /** Stripe {@code s}'s entries in its own order (for {@link #snapshot()}, and tests). */
    List<LogEntry> stripe(int s) {
        long end = next.get(counter(s));
        long start = Math.max(0, end - capacity);
        List<LogEntry> result = new ArrayList<LogEntry>((int) (end - start));
        int base = HEAD + s * capacity;
        for (long sequence = start; sequence < end; sequence++) {
            Slot slot = slots.get(base + slotOf(sequence));
            LogEntry e = slot == null ? null : slot.read(sequence);
            if (e != null) {
                result.add(e);
            }
        }
        return result;
    }

    private static List<LogEntry> merged(List<List<LogEntry>> lists) {
        int total = 0;
        for (List<LogEntry> l : lists) {
            total += l.size();
        }
        List<LogEntry> out = new ArrayList<LogEntry>(total);
        int[] at = new int[lists.size()];
        while (out.size() < total) {
            int pick = -1;
            long earliest = Long.MAX_VALUE;
            for (int i = 0; i < at.length; i++) {
                List<LogEntry> l = lists.get(i);
                if (at[i] < l.size() && (pick < 0 || l.get(at[i]).timeMillis < earliest)) {
                    pick = i;
                    earliest = l.get(at[i]).timeMillis;
                }
            }
            out.add(lists.get(pick).get(at[pick]++));
        }
        return out;
    }

    private static List<LogEntry> newest(List<LogEntry> all, int count) {
        return all.size() <= count ? all : new ArrayList<LogEntry>(all.subList(all.size() - count, all.size()));
    }


    /**
     * One slot's record, overwritten in place by each record that comes to the slot. Written by
     * the logging thread that took the record's sequence, read by {@link #stripe(int)} as a
     * sequence lock: {@code stamp} is -1 while the fields change, and the record's sequence + 1
     * once they are all written. Plain fields and fences rather than a VarHandle's access modes:
     * a VarHandle's call sites link on first use, which allocates (see {@link LoopWatch}).
     */
    static final class Slot {
        /** 0: no record yet; -1: being written; else the record's sequence + 1. */
        long stamp;
        long timeMillis;
        String level;
        String logger;
        String thread;
        String message;
        Object parameters;
        ThrownSnapshot thrown;
        int bytes;
        int style;
        boolean cut;

        void write(long sequence, long timeMillis, String level, String logger, String thread, String message,
                   Object parameters, ThrownSnapshot thrown, boolean cut, int style, int bytes) {
            stamp = -1;
            VarHandle.storeStoreFence(); // the mark before any field changes
            this.timeMillis = timeMillis;
            // A reference is stored only where it changes: each store into this long-lived
            // object would cost a write barrier, and a loop's records mostly repeat them.
            if (this.level != level) {
                this.level = level;
            }
            if (this.logger != logger) {
                this.logger = logger;
            }
            if (this.thread != thread) {
                this.thread = thread;
            }
            if (this.message != message) {
                this.message = message;
            }
            if (this.parameters != parameters) {
                this.parameters = parameters;
            }
            if (this.thrown != thrown) {
                this.thrown = thrown;
            }
            this.bytes = bytes;
            this.style = style;
            this.cut = cut;
            VarHandle.releaseFence(); // every field before the stamp that says they are done
            stamp = sequence + 1;
        }

        /** A copy of the record {@code sequence}, or null if the slot holds another or is being written. */
        LogEntry read(long sequence) {
            long before = stamp;
            if (before != sequence + 1) {
                return null;
            }
            VarHandle.acquireFence(); // the fields after the stamp
            long t = timeMillis;
            String lv = level;
            String lg = logger;
            String th = thread;
            String msg = message;
            Object ps = parameters;
            ThrownSnapshot tr = thrown;
            int b = bytes;
            int st = style;
            boolean c = cut;
            VarHandle.loadLoadFence(); // the fields before the second look at the stamp
            if (stamp != before) {
                return null; // a writer a whole ring ahead came in meanwhile
            }
            return new LogEntry(t, lv, lg, th, msg, ps, tr, c, st, b, sequence);
        }
    }
}
