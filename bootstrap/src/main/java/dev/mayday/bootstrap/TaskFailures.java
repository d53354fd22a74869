package dev.mayday.bootstrap;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.Future;
import java.util.concurrent.RunnableScheduledFuture;

/**
 * Task failures nobody will see ({@code swallowed}). Woven at the places where the JDK stores a
 * task's failure ({@code FutureTask.setException}, {@code CompletableFuture}'s exceptional
 * completion, {@code ForkJoinTask.trySetException}) and where a program reads it ({@code get},
 * {@code join}, {@code exceptionNow}, a stage that handles it); tasks are never wrapped.
 *
 * <p>A stored failure is tracked by a weak reference to its future, registered with a queue of
 * Mayday's own: the reference never keeps the future alive, and when the garbage collector finds
 * the future unreachable and unread, Mayday's thread takes the entry from {@link #next} and
 * reports it. A periodic scheduled task that throws is reported at once (it never runs again).
 *
 * <p>What an entry keeps: the Throwable, strongly, and a few strings (the failing thread only weakly). While
 * the future lives, the future itself holds the Throwable, so the entry adds nothing; once the
 * future is gone, the Throwable stays only until its report is written. (A Throwable that refers to
 * its own future keeps that future reachable through the entry: it is then reported at exit.)
 * The whole table is bounded ({@link #MAX_TRACKED}).
 */
public final class TaskFailures {

    /** Futures tracked at most; beyond that a failure is not tracked (one program leaking them is enough to know). */
    public static final int MAX_TRACKED = 4096;

    private static volatile boolean enabled;
    private static volatile int pending;
    private static final ReferenceQueue<Object> QUEUE = new ReferenceQueue<Object>();
    private static final Failure[] TABLE = new Failure[1024];
    /** The stage whose whenComplete action runs on this thread now: it sees the failure it passes on. */
    private static final ThreadLocal<int[]> LOOKING = new ThreadLocal<int[]>() {
        @Override
        protected int[] initialValue() {
            return new int[1]; // an identity hash, not the stage: nothing of the program is kept
        }
    };

    private TaskFailures() {
    }

    /** One stored failure, as Mayday's thread reports it. */
    public static final class Failure extends WeakReference<Object> {
        final int hash;
        Failure next;
        volatile boolean read;
        final boolean immediate;
        /** The failure the future stores. */
        public final Throwable failure;
        /**
         * The thread the task failed on, weakly: a virtual thread refers to its task, and a strong
         * reference here would keep the future reachable for ever. Its name and kind are copied.
         */
        public final WeakReference<Thread> thread;
        public final String threadName;
        public final long threadId;
        public final boolean threadDaemon;
        public final boolean threadVirtual;
        /** {@code executor}, {@code scheduler} or {@code stage}. */
        public final String originType;
        /** The executor, scheduler or stage that ran the task. */
        public final String origin;
        /** The future's class. */
        public final String task;
        public final long timeMillis;

        Failure(Object future, boolean immediate, Throwable failure, String originType, String origin) {
            super(immediate ? null : future, QUEUE);
            this.hash = System.identityHashCode(future);
            this.immediate = immediate;
            this.failure = failure;
            Thread current = Thread.currentThread();
            this.thread = new WeakReference<Thread>(current);
            this.threadName = current.getName();
            this.threadId = current.getId();
            this.threadDaemon = current.isDaemon();
            this.threadVirtual = current.getClass().getName().contains("VirtualThread");
            this.originType = originType;
            this.origin = origin;
            this.task = future.getClass().getName();
            this.timeMillis = System.currentTimeMillis();
        }

        /** True for a failure reported at once (a periodic task), false for one nobody read. */
        public boolean immediate() {
            return immediate;
        }
    }

    /** Turns tracking on ({@code swallowed=report}). */
    public static void enable() {
        enabled = true;
    }

    /** Woven into {@code FutureTask.setException(t)}: the task {@code future} failed with {@code t}. */
    public static void futureFailed(Object future, Throwable t) {
        if (!enabled || t == null || ignoredThread()) {
            return;
        }
        try {
            Future<?> f = (Future<?>) future;
            if (f.isDone()) {
                return; // cancelled first: the failure is not stored
            }
            boolean scheduled = future instanceof RunnableScheduledFuture;
            String name = future.getClass().getName();
            if (scheduled || name.startsWith("java.util.concurrent.ScheduledThreadPoolExecutor$")) {
                String origin = outerClass(name);
                if (future instanceof RunnableScheduledFuture && ((RunnableScheduledFuture<?>) future).isPeriodic()) {
                    // Cancelled in silence forever: report now.
                    new Failure(future, true, t, "scheduler", origin).enqueue();
                    return;
                }
                track(future, t, "scheduler", origin);
                return;
            }
            track(future, t, "executor", executorOnStack(name));
        } catch (Throwable ignored) {
            // never disturb the task's own completion
        }
    }

    /** Woven into {@code CompletableFuture.completeThrowable(x)} and {@code completeExceptionally(x)}. */
    public static void completableFailed(Object future, Throwable t) {
        if (!enabled || t == null || ignoredThread()) {
            return;
        }
        try {
            if (unwatchedStage(future)) {
                return;
            }
            track(future, unwrap(t), "stage", stageOnStack());
        } catch (Throwable ignored) {
            // never disturb the completion
        }
    }

    /**
     * Woven into {@code CompletableFuture.completeThrowable(x, r)}: a dependent stage takes on its
     * source's failure {@code x}. The source passed it on (it counts as read); the dependent now
     * holds it.
     */
    public static void completablePassed(Object future, Throwable x) {
        if (!enabled || x == null || ignoredThread()) {
            return;
        }
        try {
            Throwable raw = unwrap(x);
            Failure source = null;
            if (pending > 0) {
                source = passOn(raw, x);
            }
            if (LOOKING.get()[0] == System.identityHashCode(future)) {
                return; // a whenComplete action saw it
            }
            if (unwatchedStage(future)) {
                return;
            }
            if (source != null) {
                track(future, raw, source.originType, source.origin);
            } else {
                track(future, raw, "stage", stageOnStack());
            }
        } catch (Throwable ignored) {
            // never disturb the completion
        }
    }

    /** Woven into {@code CompletableFuture.uniWhenComplete}: its action sees the outcome. */
    public static void whenComplete(Object dependent) {
        if (enabled) {
            LOOKING.get()[0] = System.identityHashCode(dependent);
        }
    }

    /** Woven into {@code ForkJoinTask.trySetException(t)}. */
    public static void forkJoinFailed(Object task, Throwable t) {
        if (!enabled || t == null || ignoredThread()) {
            return;
        }
        try {
            String name = task.getClass().getName();
            if (name.contains("RunnableExecuteAction") || ((ForkJoinTask<?>) task).isDone()) {
                return; // execute(Runnable) goes to the thread's uncaught handler; a done task keeps its outcome
            }
            if (task instanceof CompletableFuture.AsynchronousCompletionTask) {
                return;
            }
            track(task, t, "executor", "java.util.concurrent.ForkJoinPool");
        } catch (Throwable ignored) {
            // never disturb the task
        }
    }

    /** Woven where a program reads a future's outcome: {@code get}, {@code join}, {@code exceptionNow}... */
    public static void read(Object future) {
        if (pending == 0) {
            return;
        }
        int hash = System.identityHashCode(future);
        synchronized (TABLE) {
            Failure prev = null;
            for (Failure f = TABLE[hash & (TABLE.length - 1)]; f != null; prev = f, f = f.next) {
                if (f.hash == hash && f.get() == future) {
                    f.read = true;
                    unlink(f, prev);
                    return;
                }
            }
        }
    }

    /**
     * For Mayday's thread: the next failure to report (a collected future nobody read, or a
     * periodic task), waiting at most {@code timeoutMillis}; null if none came.
     */
    public static Failure next(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (true) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                return null;
            }
            Failure f = (Failure) QUEUE.remove(left);
            if (f == null) {
                return null;
            }
            if (f.immediate) {
                return f;
            }
            if (remove(f) && !f.read) {
                return f;
            }
        }
    }

    /** At exit: every failure still stored in a live future that nobody read; they leave the table. */
    public static Failure[] unread() {
        synchronized (TABLE) {
            java.util.List<Failure> all = new java.util.ArrayList<Failure>();
            for (int i = 0; i < TABLE.length; i++) {
                for (Failure f = TABLE[i]; f != null; f = f.next) {
                    if (!f.read) {
                        all.add(f);
                    }
                }
                TABLE[i] = null;
            }
            pending = 0;
            return all.toArray(new Failure[0]);
        }
    }

    private static void track(Object future, Throwable t, String originType, String origin) {
        if (pending >= MAX_TRACKED) {
            return;
        }
        Failure f = new Failure(future, false, t, originType, origin);
        synchronized (TABLE) {
            int i = f.hash & (TABLE.length - 1);
            f.next = TABLE[i];
            TABLE[i] = f;
            pending++;
        }
    }

    private static boolean remove(Failure target) {
        synchronized (TABLE) {
            Failure prev = null;
            for (Failure f = TABLE[target.hash & (TABLE.length - 1)]; f != null; prev = f, f = f.next) {
                if (f == target) {
                    unlink(f, prev);
                    return true;
                }
            }
            return false;
        }
    }

    private static void unlink(Failure f, Failure prev) {
        if (prev == null) {
            TABLE[f.hash & (TABLE.length - 1)] = f.next;
        } else {
            prev.next = f.next;
        }
        f.next = null;
        pending--;
    }

    /** The tracked source stage whose failure is {@code raw} (or its wrapper {@code x}), marked passed on. */
    private static Failure passOn(Throwable raw, Throwable x) {
        synchronized (TABLE) {
            for (int i = 0; i < TABLE.length; i++) {
                Failure prev = null;
                for (Failure f = TABLE[i]; f != null; prev = f, f = f.next) {
                    if (f.failure == raw || f.failure == x) {
                        f.read = true;
                        unlink(f, prev);
                        return f;
                    }
                }
            }
        }
        return null;
    }

    /** Already complete (the completion will not happen), or someone waits or depends on it. */
    private static boolean unwatchedStage(Object future) {
        CompletableFuture<?> f = (CompletableFuture<?>) future;
        return f.isDone() || f.getNumberOfDependents() > 0;
    }

    private static Throwable unwrap(Throwable t) {
        if (t instanceof CompletionException && t.getCause() != null) {
            return t.getCause();
        }
        return t;
    }

    private static boolean ignoredThread() {
        return Thread.currentThread().getName().startsWith("mayday-");
    }

    /** The class that ran the task: the caller of the future's own frames. */
    private static String executorOnStack(String futureClass) {
        String outer = outerClass(futureClass);
        if (!outer.equals(futureClass) && outer.endsWith("Executor")) {
            return outer; // the executor's own future (a virtual thread runs it directly)
        }
        StackTraceElement[] stack = new Throwable().getStackTrace();
        for (StackTraceElement e : stack) {
            String c = e.getClassName();
            if (c.equals(TaskFailures.class.getName()) || c.equals(futureClass)
                    || c.equals("java.util.concurrent.FutureTask")) {
                continue;
            }
            return outerClass(c);
        }
        return Thread.currentThread().getName();
    }

    /** The stage that failed: the first frame of CompletableFuture's own classes below the completion. */
    private static String stageOnStack() {
        StackTraceElement[] stack = new Throwable().getStackTrace();
        for (StackTraceElement e : stack) {
            String c = e.getClassName();
            if (c.startsWith("java.util.concurrent.CompletableFuture$")) {
                return c;
            }
        }
        for (StackTraceElement e : stack) {
            String c = e.getClassName();
            if (!c.startsWith("java.util.concurrent.CompletableFuture") && !c.equals(TaskFailures.class.getName())) {
                return c + "." + e.getMethodName();
            }
        }
        return "java.util.concurrent.CompletableFuture";
    }

    private static String outerClass(String name) {
        int dollar = name.indexOf('$');
        return dollar < 0 ? name : name.substring(0, dollar);
    }
}
