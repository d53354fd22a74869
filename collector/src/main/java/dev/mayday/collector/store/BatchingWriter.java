package dev.mayday.collector.store;

import dev.mayday.collector.ingest.Report;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Group commit: one thread takes whatever reports are waiting and stores them in a single
 * transaction. SQLite has one writer anyway, and one commit per batch instead of per report is
 * what lets ingest keep up with thousands of reports a second. Each caller gets a future that
 * completes once its report is committed, so nobody is told "stored" before it is.
 */
public final class BatchingWriter implements AutoCloseable {

    private static final int MAX_BATCH = 500;

    private record Pending(Report report, CompletableFuture<Boolean> done) {
    }

    private final ReportStore store;
    /**
     * Bounded so that a flood (WebSocket clients do not wait for their acks) costs at most about
     * 2,000 reports of memory; a full queue makes senders wait, which slows the flood down.
     */
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>(2_000);
    private final Thread thread;
    private volatile boolean running = true;

    public BatchingWriter(ReportStore store) {
        this.store = store;
        this.thread = new Thread(this::run, "mayday-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues a report; the future says true if it was new, false if its id was already stored. */
    public CompletableFuture<Boolean> submit(Report report) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        if (!running) {
            done.completeExceptionally(new StoreException("the collector is stopping", null));
            return done;
        }
        try {
            if (!queue.offer(new Pending(report, done), 10, TimeUnit.SECONDS)) {
                done.completeExceptionally(new StoreException("the database is not keeping up", null));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            done.completeExceptionally(new StoreException("interrupted", e));
        }
        return done;
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                running = false;
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending> batch) {
        List<Report> reports = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            reports.add(p.report());
        }
        try {
            boolean[] fresh = store.insert(reports);
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).done().complete(fresh[i]);
            }
        } catch (StoreException | RuntimeException e) {
            if (batch.size() == 1) {
                batch.get(0).done().completeExceptionally(e);
                return;
            }
            // One bad report must not fail its neighbours: store them one by one.
            for (Pending p : batch) {
                write(List.of(p));
            }
        }
    }

    /** Stores what is queued, then stops the thread. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(15_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Pending p;
        while ((p = queue.poll()) != null) {
            p.done().completeExceptionally(new StoreException("the collector stopped", null));
        }
    }
}
