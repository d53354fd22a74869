package dev.mayday.agent.capture;

import dev.mayday.agent.diag.Diagnostics;
import dev.mayday.agent.report.SafeThrowable;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Mayday's own threads, with deep stacks of their own, that build and write every report: a
 * StackOverflowError on the failing thread leaves too little stack to build one there. The
 * failing thread waits (bounded) until its report is on disk.
 *
 * <p>One writer is always there (started with the agent; it first runs the start-up task); when
 * a burst of failures finds every writer busy, more are started, up to {@value #MAX_WRITERS},
 * and those end again after {@value #EXTRA_WRITER_IDLE_MILLIS} ms without work. A writer survives
 * anything a report throws at it (out of memory included); if one dies all the same, the next
 * report starts another. When the JVM ends, a shutdown hook gives the reports still queued or
 * being written up to {@value #SHUTDOWN_WAIT_MILLIS} ms (written without the thread dump, which is
 * most of a report's time, and without an fsync each), then 1.5 s more for minimal reports of what
 * is left, and says what it lost.
 *
 * <p>The report pipeline (Gson trees, JMX) is created on first use, never during premain, and
 * nothing is warmed up in advance: a program that never fails never pays for report building.
 */
public final class Reporter {

    static final long STACK_BYTES = 16L * 1024 * 1024;
    private static final long WAIT_FOR_REPORT_MILLIS = 10_000;
    static final int MAX_WRITERS = 4;
    static final long EXTRA_WRITER_IDLE_MILLIS = 5_000;
    /** At the JVM's end: how long reports queued or being written may still take. */
    static final long SHUTDOWN_WAIT_MILLIS = 2_500;
    /** ...then how long minimal reports of what is still queued may take. */
    private static final long SHUTDOWN_MINIMAL_MILLIS = 1_500;
    /**
     * The end of the JVM also waits until no failure was handed over for this long: threads that
     * fail as main returns reach Mayday a moment after the shutdown began.
     */
    private static final long SHUTDOWN_SETTLE_MILLIS = 200;

    private final ArrayBlockingQueue<Job> queue = new ArrayBlockingQueue<Job>(256);
    private final Supplier<ReportPipeline> pipelineFactory;
    private final Runnable startTask;
    private final AtomicInteger writers = new AtomicInteger();
    private final AtomicInteger idle = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    /** The jobs being written now, one slot per writer at most (the end of the JVM looks at them). */
    private final java.util.concurrent.atomic.AtomicReferenceArray<Job> writing =
            new java.util.concurrent.atomic.AtomicReferenceArray<Job>(MAX_WRITERS + 2);
    private final AtomicInteger names = new AtomicInteger(1);
    private volatile Thread core;
    private volatile long lastHandedOverNanos;
    private volatile boolean everHandedOver;
    private volatile long lastSlowLineNanos;
    private volatile boolean ending;
    /** How writers write: {@code FULL} until the JVM ends, then without threads, then minimal. */
    private volatile int mode = ReportPipeline.FULL;
    private volatile ReportPipeline pipeline;

    /**
     * @param startTask start-up work the program need not wait for, run first on the first writer
     * @param warmUpAfterMillis no longer used: nothing is warmed up (kept for the constructor's shape)
     */
    public Reporter(Supplier<ReportPipeline> pipelineFactory, Runnable startTask, long warmUpAfterMillis) {
        this.pipelineFactory = pipelineFactory;
        this.startTask = startTask;
    }

    /** Starts the first writer, which runs the start-up task first, and the shutdown hook. */
    public void start() {
        startCore(true);
    }

    /** On the first writer, not in premain: the hook's classes are not the program's start-up cost. */
    private void addShutdownHook() {
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(new Runnable() {
                @Override
                public void run() {
                    atShutdown();
                }
            }, "mayday-reports-at-exit"));
        } catch (Throwable e) {
            Diagnostics.debug("no shutdown hook for reports in flight: " + e);
        }
    }

    /** Writes the report for {@code event}; returns its file, or null if none was written (yet). */
    public Path report(CrashEvent event) {
        lastHandedOverNanos = System.nanoTime();
        everHandedOver = true;
        if (isWriter(Thread.currentThread())) {
            return writeHere(event); // a report asked for while writing one: never wait for ourselves
        }
        Job job;
        try {
            job = new Job(event);
        } catch (Throwable e) {
            return writeHere(event); // no memory for the job: try on this thread
        }
        if (!queue.offer(job)) {
            return writeHere(event); // more than 256 at once: write on this thread
        }
        ensureWriters();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_FOR_REPORT_MILLIS);
        boolean interrupted = false;
        while (job.done.getCount() > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                long now = System.nanoTime();
                long last = lastSlowLineNanos;
                // One line for a burst, not one per failing thread.
                if (last == 0 || now - last > TimeUnit.MILLISECONDS.toNanos(WAIT_FOR_REPORT_MILLIS)) {
                    lastSlowLineNanos = now;
                    Diagnostics.warn("the report is taking long to write; the program goes on (it is written"
                            + " when it can, or at the JVM's end)");
                }
                break;
            }
            try {
                job.done.await(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (OutOfMemoryError e) {
                // Waiting allocates a little; while the report is being built after an OOM that
                // can fail. Wait again: the report is what the program is stopped for.
                Thread.yield();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return job.written;
    }

    /** The first writer is always there; a burst that finds every writer busy gets another. */
    private void ensureWriters() {
        Thread c = core;
        if (c == null || !c.isAlive()) {
            startCore(false);
        } else {
            LockSupport.unpark(c); // the first writer parks while the queue is empty (serve)
        }
        if (idle.get() > 0) {
            return;
        }
        int n;
        while ((n = writers.get()) < MAX_WRITERS) {
            if (writers.compareAndSet(n, n + 1)) {
                try {
                    Thread extra = MaydayThreads.newThread("mayday-reporter-" + names.incrementAndGet(), STACK_BYTES,
                            new Runnable() {
                                @Override
                                public void run() {
                                    serve(false);
                                }
                            }, new Runnable() {
                                @Override
                                public void run() {
                                    writers.decrementAndGet();
                                }
                            });
                    extra.start();
                } catch (Throwable e) {
                    writers.decrementAndGet(); // no thread now (no memory): the first writer does it
                }
                return;
            }
        }
    }

    private synchronized void startCore(final boolean runStartTask) {
        Thread c = core;
        // (called from the dying first writer's own handler: it is alive still, but done)
        if (c != null && c.isAlive() && c != Thread.currentThread()) {
            return;
        }
        try {
            Thread t = MaydayThreads.newThread("mayday-reporter", STACK_BYTES, new Runnable() {
                @Override
                public void run() {
                    if (runStartTask) {
                        addShutdownHook();
                        runStartTask();
                    }
                    serve(true);
                }
            }, new Runnable() {
                @Override
                public void run() {
                    writers.decrementAndGet();
                    startCore(false); // the first writer must always be there
                }
            });
            writers.incrementAndGet();
            core = t;
            t.start();
        } catch (Throwable e) {
            writers.decrementAndGet();
            core = null; // the next report tries again
        }
    }

    private boolean isWriter(Thread t) {
        return t == core || (MaydayThreads.isMaydays(t) && t.getName().startsWith("mayday-reporter"));
    }

    private void runStartTask() {
        try {
            startTask.run();
        } catch (Throwable e) {
            try {
                Diagnostics.debug("start-up task: " + e);
            } catch (Throwable ignored) {
                // out of memory: nothing to add
            }
        }
    }

    /** A writer's life: take a job, write it, never let anything end the loop. */
    private void serve(boolean first) {
        while (true) {
            Job job = null;
            idle.incrementAndGet();
            try {
                if (first) {
                    // Parked, not queue.take(): a Condition's await loads and initialises ForkJoinPool
                    // (for its ManagedBlocker), some twenty classes that a program which never fails
                    // would otherwise load only for Mayday. ensureWriters unparks it after each offer;
                    // an unpark that comes before the park makes the park return at once.
                    job = queue.poll();
                    if (job == null) {
                        LockSupport.park(this);
                        // An interrupt from the program means nothing here, and left set it would
                        // make every later park return at once: a spinning thread.
                        Thread.interrupted();
                    }
                } else {
                    job = queue.poll(EXTRA_WRITER_IDLE_MILLIS, TimeUnit.MILLISECONDS);
                }
            } catch (Throwable e) {
                // Interrupted, or out of memory while parking: not a reason to stop. Pause a little,
                // so that a heap that stays full does not spin this thread.
                LockSupport.parkNanos(1_000_000);
            } finally {
                idle.decrementAndGet();
            }
            if (job == null) {
                if (!first && queue.isEmpty()) {
                    writers.decrementAndGet(); // idle long enough: an extra writer ends
                    if (queue.isEmpty()) {
                        return;
                    }
                    writers.incrementAndGet(); // a job came in meanwhile: stay
                }
                continue;
            }
            write(job, mode);
        }
    }

    private void write(Job job, int mode) {
        inFlight.incrementAndGet();
        int slot = -1;
        for (int i = 0; i < writing.length() && slot < 0; i++) {
            if (writing.compareAndSet(i, null, job)) {
                slot = i;
            }
        }
        try {
            Path written = pipeline().write(job.event, mode);
            if (written != null || job.written == null) {
                job.written = written;
            }
        } catch (Throwable e) {
            lost(job.event, e);
        } finally {
            if (slot >= 0) {
                writing.set(slot, null);
            }
            job.finish();
        }
        try {
            pipeline().trimOutbox(); // the failing thread does not wait for this
        } catch (Throwable e) {
            try {
                Diagnostics.debug("outbox bound: " + e);
            } catch (Throwable ignored) {
                // nothing to add
            }
        } finally {
            // Only after the trim: the JVM's end waits while anything is in flight, and a trim that
            // the JVM's halt cut between its deletion and its line dropped a report with no word.
            inFlight.decrementAndGet();
        }
        if (job.then != null) {
            try {
                job.then.accept(job.written);
            } catch (Throwable e) {
                // consent and delivery of a program that goes on: never a reason to stop writing
            }
        }
    }

    private void minimalNow(Job job) {
        try {
            Path written = pipeline().write(job.event, ReportPipeline.MINIMAL);
            if (written != null) {
                job.written = written;
            }
        } catch (Throwable e) {
            lost(job.event, e);
        }
    }

    /**
     * Queues the report for {@code event} and returns at once (a program that goes on: a logged
     * error); {@code then} runs on Mayday's thread once the report is written (with null if it was
     * held back). False if the queue is full: the report is not written.
     */
    public boolean submit(CrashEvent event, java.util.function.Consumer<Path> then) {
        lastHandedOverNanos = System.nanoTime();
        everHandedOver = true;
        Job job = new Job(event);
        job.then = then;
        if (!queue.offer(job)) {
            return false;
        }
        ensureWriters();
        return true;
    }

    private Path writeHere(CrashEvent event) {
        try {
            Path written = pipeline().write(event, ReportPipeline.FULL);
            pipeline().trimOutbox();
            return written;
        } catch (Throwable e) {
            lost(event, e);
            return null;
        }
    }

    /** A report that could not be written (the pipeline itself failed): one line, always. */
    private static void lost(CrashEvent event, Throwable why) {
        event.outcome(CrashEvent.LOST);
        try {
            Diagnostics.warn("could not write the crash report (" + SafeThrowable.line(why) + "); the failure was: "
                    + SafeThrowable.line(event.failure()));
        } catch (Throwable ignored) {
            // out of memory: the exit path prints the failure itself where it can
        }
    }

    private synchronized ReportPipeline pipeline() {
        if (pipeline == null) {
            long start = System.nanoTime();
            pipeline = pipelineFactory.get(); // a failure here is retried by the next report
            Diagnostics.debug("report pipeline made in " + (System.nanoTime() - start) / 1_000_000 + " ms");
        }
        return pipeline;
    }

    /**
     * The JVM is ending: reports queued or being written get a bounded time, written without the
     * thread dump; what is still queued then gets a minimal report; what is lost is said.
     */
    private void atShutdown() {
        ending = true;
        mode = ReportPipeline.WITHOUT_THREADS;
        long start = System.nanoTime();
        long deadline = start + TimeUnit.MILLISECONDS.toNanos(SHUTDOWN_WAIT_MILLIS);
        long settle = TimeUnit.MILLISECONDS.toNanos(SHUTDOWN_SETTLE_MILLIS);
        // Nothing failed yet: a moment for threads failing just now (daemons as main returns),
        // then the program's exit is not delayed any further. A program with no daemon thread of
        // its own left has nothing on the way: its exit is not delayed at all.
        if (!everHandedOver && !programDaemonsRunning()) {
            return;
        }
        for (int i = 0; i < 4 && !everHandedOver; i++) {
            LockSupport.parkNanos(5_000_000);
        }
        if (!everHandedOver) {
            return;
        }
        while (System.nanoTime() < deadline) {
            if (queue.isEmpty() && inFlight.get() == 0 && System.nanoTime() - lastHandedOverNanos > settle) {
                return;
            }
            if (idle.get() == 0 && !queue.isEmpty()) {
                ensureWriters();
            }
            LockSupport.parkNanos(5_000_000);
        }
        long hardStop = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SHUTDOWN_MINIMAL_MILLIS);
        mode = ReportPipeline.MINIMAL; // the writers too, beside this thread
        int lost = 0;
        // Reports still being built: a minimal one now, unless the full one lands first (claimFile).
        for (int i = 0; i < writing.length(); i++) {
            Job busy = writing.get(i);
            if (busy != null && System.nanoTime() < hardStop) {
                minimalNow(busy);
            }
        }
        Job job;
        while ((job = queue.poll()) != null) {
            if (System.nanoTime() < hardStop) {
                minimalNow(job);
                job.finish();
            } else {
                job.event.outcome(CrashEvent.LOST);
                job.finish();
                lost++;
            }
        }
        while (inFlight.get() > 0 && System.nanoTime() < hardStop) {
            LockSupport.parkNanos(5_000_000); // the writers' last minimal reports
        }
        for (int i = 0; i < writing.length(); i++) {
            Job busy = writing.get(i);
            if (busy != null && busy.event.outcome() != CrashEvent.WRITTEN) {
                lost++;
            }
        }
        if (lost > 0) {
            Diagnostics.warn(lost + " crash report(s) lost: the JVM ended before they could be written");
        }
    }

    private static boolean programDaemonsRunning() {
        try {
            return ProgramDaemons.running();
        } catch (Throwable e) {
            return true; // cannot tell: wait the moment, as before
        }
    }

    private static final class Job {
        final CrashEvent event;
        final CountDownLatch done = new CountDownLatch(1);
        volatile Path written;
        java.util.function.Consumer<Path> then;

        Job(CrashEvent event) {
            this.event = event;
        }

        void finish() {
            done.countDown();
        }
    }
}
