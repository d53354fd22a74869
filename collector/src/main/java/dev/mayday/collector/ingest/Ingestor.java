package dev.mayday.collector.ingest;

import dev.mayday.collector.store.BatchingWriter;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The one path every report takes, whether it came over HTTP or WebSocket: validate, store
 * (idempotent by id), then tell the listeners about new ones.
 */
public final class Ingestor {

    private final ReportParser parser = new ReportParser();
    private final BatchingWriter writer;
    private final List<ReportListener> listeners = new CopyOnWriteArrayList<>();

    public Ingestor(BatchingWriter writer) {
        this.writer = writer;
    }

    public void addListener(ReportListener l) {
        listeners.add(l);
    }

    /** Validates on the calling thread, so bad input is answered without touching the database. */
    public Report parse(byte[] body) throws InvalidReportException {
        return parser.parse(body);
    }

    /** Stores a parsed report; the future says true for a new report, false for a repeat delivery. */
    public CompletableFuture<Boolean> store(Report report) {
        return writer.submit(report).thenApply(fresh -> {
            if (fresh) {
                for (ReportListener l : listeners) {
                    try {
                        l.stored(report);
                    } catch (RuntimeException e) {
                        // a broken listener (a closed browser) must not fail the ingest
                    }
                }
            }
            return fresh;
        });
    }
}
