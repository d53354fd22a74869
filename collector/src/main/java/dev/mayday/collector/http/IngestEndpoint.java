package dev.mayday.collector.http;

import com.google.gson.JsonObject;
import dev.mayday.collector.ingest.BodyReader;
import dev.mayday.collector.ingest.Ingestor;
import dev.mayday.collector.ingest.InvalidReportException;
import dev.mayday.collector.ingest.RateLimiter;
import dev.mayday.collector.ingest.Report;
import dev.mayday.collector.ingest.TooLargeException;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code POST /api/reports}: 201 new, 200 already stored, 400 not a report, 403 a key bound to
 * another app, 413 too large, 429 over the rate, 503 database down. The answer comes after the
 * commit. A permit of the key's rate is taken before the body is read and given back when the
 * body turns out not to be a report (or one the key may not write), so garbage sent with a key
 * costs the real agents nothing.
 */
final class IngestEndpoint implements Endpoint {

    /** Bodies being read at once: bounds memory to this many reports of the size limit. */
    static final int CONCURRENT_BODIES = 32;

    private final Ingestor ingestor;
    private final BodyReader reader;
    private final RateLimiter limiter;
    private final Semaphore bodies = new Semaphore(CONCURRENT_BODIES);

    IngestEndpoint(Ingestor ingestor, BodyReader reader, RateLimiter limiter) {
        this.ingestor = ingestor;
        this.reader = reader;
        this.limiter = limiter;
    }

    @Override
    public void handle(Exchange ex) throws InterruptedException {
        String key = ex.ingestKey().id();
        String encoding = ex.header("Content-Encoding");
        boolean gzip = encoding != null && (encoding.equalsIgnoreCase("gzip") || encoding.equalsIgnoreCase("x-gzip"));
        if (encoding != null && !gzip && !encoding.equalsIgnoreCase("identity")) {
            ex.error(415, "unsupported Content-Encoding " + encoding + "; send gzip or nothing");
            return;
        }
        long contentLength = ex.contentLength();
        if (contentLength > reader.limit()) {
            ex.error(413, "report is larger than the limit of " + reader.limit() + " bytes");
            return;
        }
        if (!limiter.tryAcquire(key)) {
            ex.addHeader("Retry-After", "1");
            ex.error(429, "too many reports per second for this key; retry later");
            return;
        }
        boolean stored = false;
        try {
            if (!bodies.tryAcquire(10, TimeUnit.SECONDS)) {
                ex.addHeader("Retry-After", "1");
                ex.error(503, "the collector is busy reading other reports; retry later");
                return;
            }
            byte[] body;
            try {
                body = reader.read(ex.body(), gzip, contentLength);
                ex.bodyConsumed();
            } catch (TooLargeException e) {
                ex.error(413, e.getMessage());
                return;
            } catch (IOException | RuntimeException e) {
                ex.error(400, "could not read the body: " + e.getMessage());
                return;
            } finally {
                bodies.release();
            }
            Report report;
            try {
                report = ingestor.parse(body);
            } catch (InvalidReportException e) {
                ex.error(400, e.getMessage());
                return;
            }
            if (!ex.ingestKey().mayWrite(report.appName())) {
                ex.error(403, "this key may only send reports of app \"" + ex.ingestKey().app() + "\", not \""
                        + report.appName() + "\"");
                return;
            }
            stored = true;
            store(ex, report);
        } finally {
            if (!stored) {
                limiter.refund(key);
            }
        }
    }

    private void store(Exchange ex, Report report) throws InterruptedException {
        boolean fresh;
        try {
            fresh = ingestor.store(report).get(60, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            ex.error(503, "could not store the report: " + cause.getMessage());
            return;
        }
        JsonObject answer = new JsonObject();
        answer.addProperty("ack", report.id());
        answer.addProperty("created", fresh);
        ex.json(fresh ? 201 : 200, answer);
    }
}
