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
 * <p>The thread also takes start-up work off the program's path: it first runs the deferred
 * start-up task (hooking the JDK classes already loaded), and when nothing has failed for a
 * moment it warms report building up once, so that the first real crash is written quickly.
 * The report pipeline itself (Gson, JMX) is created on first use, never during premain.
 */
public final class Reporter {

    private static final long STACK_BYTES = 16L * 1024 * 1024;
    private static final long WAIT_FOR_REPORT_MILLIS = 10_000;

    private final ArrayBlockingQueue<Job> queue = new ArrayBlockingQueue<Job>(256);
    private final Supplier<ReportPipeline> pipelineFactory;
    private final Runnable startupTask;
    private final long warmUpAfterMillis;
    private final Thread thread;
    private volatile ReportPipeline pipeline;

    /**
     * @param startupTask run first on the reporter thread
     * @param warmUpAfterMillis idle time after start before warming up; negative for never
     */
    public Reporter(Supplier<ReportPipeline> pipelineFactory, Runnable startupTask, long warmUpAfterMillis) {
        this.pipelineFactory = pipelineFactory;
        this.startupTask = startupTask;
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
            return pipeline().write(event);
        }
        Job job = new Job(event);
        if (!queue.offer(job)) {
            return pipeline().write(event); // more than 256 at once: write on this thread
        }
        try {
            if (!job.done.await(WAIT_FOR_REPORT_MILLIS, TimeUnit.MILLISECONDS)) {
                Diagnostics.warn("the report is taking long to write; the program goes on");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return job.written;
    }

    private synchronized ReportPipeline pipeline() {
        if (pipeline == null) {
            pipeline = pipelineFactory.get();
        }
        return pipeline;
    }

    private void loop() {
        try {
            startupTask.run();
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

        Job(CrashEvent event) {
            this.event = event;
        }
    }
}
