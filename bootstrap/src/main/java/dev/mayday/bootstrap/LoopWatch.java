package dev.mayday.bootstrap;

import java.lang.ref.WeakReference;

/**
 * The bookkeeping woven into every main-loop method, and what the hang watchdog reads: on which
 * thread a main-loop call is under way, how deep, and whether anything happened since the
 * watchdog last looked (a progress count bumped at every call's start and end).
 *
 * <p>It has to be nearly free: the first thread that enters a main loop (the program's one game
 * or event loop, nearly always) owns three static fields and pays a thread comparison and two
 * plain stores per call. Plain, not volatile (a fence per call) nor a VarHandle (its call sites
 * link on first use, which allocates: the first failure after an OutOfMemoryError must not):
 * the watchdog only needs to see, some time later, that the count moved, and the compiler cannot
 * hold a static store back past the safepoint poll every loop iteration has. Other threads keep
 * the same numbers in a thread-local {@link Track}.
 *
 * <p>The depth also decides who handles a StackOverflowError of a recursive main-loop method:
 * woven code keeps the depth {@link #enter} returned in a local of its own frame, and only the
 * outermost wrapped frame (depth 1) reports; deeper frames throw on without calling anything,
 * since they have no stack left to call with (see {@link #failed}).
 */
public final class LoopWatch {

    /** Origin id the watchdog reports for the AWT event thread. */
    public static final int AWT_ORIGIN = -2;

    private static Thread owner;
    private static int ownerDepth;
    private static int ownerProgress;

    private static final ThreadLocal<Track> TRACKS = new ThreadLocal<Track>();
    private static volatile Track[] others = new Track[0];
    private static volatile Track awt;

    private LoopWatch() {
    }

    /**
     * One thread's main-loop state, read by the watchdog without locks (it only needs to see that
     * something changed, not exact values).
     */
    public static final class Track {
        final WeakReference<Thread> thread;
        // Plain, like the owner's fields (see the class comment): no fence per call.
        int depth;
        int progress;
        int origin = -1;

        Track(Thread thread) {
            this.thread = new WeakReference<Thread>(thread);
        }

        /** The thread, or null once it is gone. */
        public Thread thread() {
            return thread.get();
        }

        /** Main-loop calls under way on the thread (0: none, nothing to watch). */
        public int depth() {
            return depth;
        }

        /** Changes whenever a main-loop call starts or ends. */
        public int progress() {
            return progress;
        }

        /**
         * The woven origin id of this thread's outermost call under way, {@link #AWT_ORIGIN} for
         * the event thread, or -1 when not known (the owner's: the watchdog reads its stack).
         */
        public int origin() {
            return origin;
        }
    }

    /**
     * Woven at the start of each main-loop method, before its try block. The owner's path is a
     * thread comparison, a load and two stores: small enough for both JIT compilers to inline.
     *
     * @param origin the method's woven origin id (used by other threads only: the watchdog finds
     *        the owner's outermost call on its stack)
     * @return this call's depth (1 for the outermost), which woven code keeps in a local
     */
    public static int enter(int origin) {
        if (Thread.currentThread() == owner) {
            int depth = ownerDepth + 1;
            ownerDepth = depth;
            ownerProgress++;
            return depth;
        }
        return enterSlowly(origin);
    }

    /**
     * Woven before each normal return of a main-loop method, with the depth {@link #enter} gave.
     * Only the depth changes: progress is counted when calls start, and a thread back at depth 0
     * is not inside a call at all.
     */
    public static void exit(int depth) {
        if (Thread.currentThread() == owner) {
            ownerDepth = depth - 1;
            return;
        }
        exitSlowly(depth);
    }

    private static void exitSlowly(int depth) {
        Track t = TRACKS.get();
        if (t != null) {
            t.depth = depth - 1;
        }
    }

    /**
     * Woven into the handler of each main-loop method, except where a deeper frame of a stack
     * overflow throws on (that path calls nothing). Ends this call's bookkeeping and hands the
     * failure to {@link Bridge#mainLoopFailed}.
     *
     * @return the failure to throw on, or null to return normally
     */
    public static Throwable failed(Throwable failure, int depth, int origin) {
        try {
            exit(depth);
        } catch (Throwable ignored) {
            // no room or no memory: the bookkeeping is fixed by the next frame out
        }
        return Bridge.mainLoopFailed(failure, origin);
    }

    private static int enterSlowly(int origin) {
        Thread current = Thread.currentThread();
        synchronized (LoopWatch.class) {
            if (owner == null) {
                owner = current;
                ownerDepth = 1;
                ownerProgress++;
                return 1;
            }
        }
        Track t = TRACKS.get();
        if (t == null) {
            t = new Track(current);
            TRACKS.set(t);
            register(t);
        }
        int depth = t.depth + 1;
        t.depth = depth;
        if (depth == 1) {
            t.origin = origin;
        }
        t.progress++;
        return depth;
    }

    private static synchronized void register(Track t) {
        Track[] old = others;
        int live = 0;
        for (Track o : old) {
            if (o.thread() != null) {
                live++;
            }
        }
        Track[] now = new Track[live + 1];
        int i = 0;
        for (Track o : old) {
            if (o.thread() != null) {
                now[i++] = o;
            }
        }
        now[i] = t;
        others = now;
    }

    /** Woven at the start of {@code EventQueue.dispatchEvent}: the event thread is busy with one event. */
    public static void awtDispatch() {
        Track t = awtTrack();
        t.depth = 1;
        t.progress++;
    }

    /** Woven at the start of {@code EventQueue.getNextEvent}: the event thread is done and waits for the next. */
    public static void awtIdle() {
        Track t = awt;
        if (t != null && t.thread() == Thread.currentThread()) {
            t.depth = 0;
            t.progress++;
        }
    }

    private static Track awtTrack() {
        Track t = awt;
        Thread current = Thread.currentThread();
        if (t == null || t.thread() != current) {
            t = new Track(current); // a new event thread (AWT replaces it after a crash or idle time)
            t.origin = AWT_ORIGIN;
            awt = t;
        }
        return t;
    }

    /**
     * Every thread with main-loop bookkeeping, for the watchdog: the owner's state copied into a
     * fresh {@link Track} each time (its fields are static), then the others, then the event
     * thread's.
     */
    public static Track[] snapshot() {
        Track[] rest = others;
        Track event = awt;
        Thread o = owner;
        int n = rest.length + (event == null ? 0 : 1) + (o == null ? 0 : 1);
        Track[] all = new Track[n];
        int i = 0;
        if (o != null) {
            Track copy = new Track(o);
            copy.depth = ownerDepth;
            copy.progress = ownerProgress;
            all[i++] = copy;
        }
        for (Track t : rest) {
            all[i++] = t;
        }
        if (event != null) {
            all[i] = event;
        }
        return all;
    }
}
