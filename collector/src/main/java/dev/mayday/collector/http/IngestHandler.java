package dev.mayday.collector.http;

import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.mayday.collector.auth.TokenGuard;
import dev.mayday.collector.ingest.BodyReader;
import dev.mayday.collector.ingest.Ingestor;
import dev.mayday.collector.ingest.InvalidReportException;
import dev.mayday.collector.ingest.RateLimiter;
import dev.mayday.collector.ingest.Report;
import dev.mayday.collector.ingest.TooLargeException;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code POST /api/reports}: 201 new, 200 already stored, 400 not a report, 413 too large,
 * 429 over the rate, 503 database down. The answer comes after the commit.
 */
final class IngestHandler implements HttpHandler {

    private final Ingestor ingestor;
    private final BodyReader reader;
    private final RateLimiter limiter;

    IngestHandler(Ingestor ingestor, BodyReader reader, RateLimiter limiter) {
        this.ingestor = ingestor;
        this.reader = reader;
        this.limiter = limiter;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        if (!"POST".equals(ex.getRequestMethod())) {
            ex.getResponseHeaders().set("Allow", "POST");
            Exchanges.error(ex, 405, "use POST to send a report");
            return;
        }
        String token = TokenGuard.presented(ex.getRequestHeaders().getFirst("Authorization"),
                ex.getRequestHeaders().getFirst("Cookie"));
        if (!limiter.tryAcquire(token)) {
            Exchanges.drain(ex);
            ex.getResponseHeaders().set("Retry-After", "1");
            Exchanges.error(ex, 429, "too many reports per second for this token; retry later");
            return;
        }
        String encoding = ex.getRequestHeaders().getFirst("Content-Encoding");
        boolean gzip = encoding != null && (encoding.equalsIgnoreCase("gzip") || encoding.equalsIgnoreCase("x-gzip"));
        if (encoding != null && !gzip && !encoding.equalsIgnoreCase("identity")) {
            Exchanges.drain(ex);
            Exchanges.error(ex, 415, "unsupported Content-Encoding " + encoding + "; send gzip or nothing");
            return;
        }
        String length = ex.getRequestHeaders().getFirst("Content-Length");
        long contentLength = length == null ? -1 : parseLong(length);
        if (contentLength > reader.limit()) {
            Exchanges.drain(ex);
            Exchanges.error(ex, 413, "report is larger than the limit of " + reader.limit() + " bytes");
            return;
        }
        byte[] body;
        try {
            body = reader.read(ex.getRequestBody(), gzip, contentLength);
        } catch (TooLargeException e) {
            Exchanges.drain(ex);
            Exchanges.error(ex, 413, e.getMessage());
            return;
        } catch (IOException e) {
            Exchanges.error(ex, 400, "could not read the body: " + e.getMessage());
            return;
        }
        Report report;
        try {
            report = ingestor.parse(body);
        } catch (InvalidReportException e) {
            Exchanges.error(ex, 400, e.getMessage());
            return;
        }
        boolean fresh;
        try {
            fresh = ingestor.store(report).get(60, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            Exchanges.error(ex, 503, "could not store the report: " + cause.getMessage());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Exchanges.error(ex, 503, "the collector is stopping");
            return;
        }
        JsonObject answer = new JsonObject();
        answer.addProperty("ack", report.id());
        answer.addProperty("created", fresh);
        Exchanges.json(ex, fresh ? 201 : 200, answer);
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
