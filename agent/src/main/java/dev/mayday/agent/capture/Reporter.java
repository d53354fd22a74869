package dev.mayday.agent.capture;

import dev.mayday.agent.diag.Diagnostics;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Mayday's own thread, with a deep stack of its own, that builds and writes every report: a
 * StackOverflowError on the failing thread leaves too little stack to build one there. The
 * failing thread waits (bounded) until its report is on disk.
 *
 * <p>The report pipeline (Gson, JMX) is created on first use, never during premain; when
 * nothing has failed for a moment after start-up, the thread warms report building up once, so
 * that the first real crash is written quickly.
 */
public final class Reporter {

    private static final long STACK_BYTES = 16L * 1024 * 1024;
    private static final long WAIT_FOR_REPORT_MILLIS = 10_000;

    private final ArrayBlockingQueue<Job> queue = new ArrayBlockingQueue<Job>(256);
    private final Supplier<ReportPipeline> pipelineFactory;
    private final Runnable startTask;
    private final long warmUpAfterMillis;
    private final Thread thread;
    private volatile ReportPipeline pipeline;

    /**
     * @param startTask start-up work the program need not wait for, run first on this thread
     * @param warmUpAfterMillis idle time after start before warming up; negative for never
     */
    public Reporter(Supplier<ReportPipeline> pipelineFactory, Runnable startTask, long warmUpAfterMillis) {
        this.pipelineFactory = pipelineFactory;
        this.startTask = startTask;
        this.warmUpAfterMillis = warmUpAfterMillis;
        this.thread = new Thread(null, new Runnable() {
            @Override
            public void run() {
                loop();
            }
        }, "mayday-reporter", STACK_BYTES);
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** Writes the report for {@code event}; returns its file, or null if none was written. */
    public Path report(CrashEvent event) {
        if (Thread.currentThread() == thread) {
            return writeHere(event);
        }
        Job job = new Job(event);
        if (!queue.offer(job)) {
            return writeHere(event); // more than 256 at once: write on this thread
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_FOR_REPORT_MILLIS);
        boolean interrupted = false;
        while (job.done.getCount() > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                Diagnostics.warn("the report is taking long to write; the program goes on");
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

    /**
     * Queues the report for {@code event} and returns at once (a program that goes on: a logged
     * error); {@code then} runs on Mayday's thread once the report is written (with null if it was
     * held back). False if the queue is full: the report is not written.
     */
    public boolean submit(CrashEvent event, java.util.function.Consumer<Path> then) {
        Job job = new Job(event);
        job.then = then;
        return queue.offer(job);
    }

    private Path writeHere(CrashEvent event) {
        Path written = pipeline().write(event);
        pipeline().trimOutbox();
        return written;
    }

    private synchronized ReportPipeline pipeline() {
        if (pipeline == null) {
            pipeline = pipelineFactory.get();
        }
        return pipeline;
    }

    private void loop() {
        try {
            startTask.run();
        } catch (Throwable e) {
            Diagnostics.debug("start-up task: " + e);
        }
        boolean warmed = warmUpAfterMillis < 0;
        while (true) {
            try {
                Job job = warmed ? queue.take() : queue.poll(warmUpAfterMillis, TimeUnit.MILLISECONDS);
                if (job == null) {
                    warmed = true;
                    pipeline().warmUp();
                    continue;
                }
                try {
                    job.written = pipeline().write(job.event);
                } finally {
                    job.done.countDown();
                }
                if (job.then != null) {
                    job.then.accept(job.written);
                }
                pipeline().trimOutbox(); // the failing thread does not wait for this
            } catch (InterruptedException e) {
                // Daemon thread: keep serving until the JVM ends.
            } catch (Throwable e) {
                Diagnostics.debug("reporter: " + e);
            }
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
    }
}
