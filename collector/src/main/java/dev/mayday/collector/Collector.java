package dev.mayday.collector;

import dev.mayday.collector.auth.TokenGuard;
import dev.mayday.collector.config.CollectorOptions;
import dev.mayday.collector.http.ApiServer;
import dev.mayday.collector.ingest.Ingestor;
import dev.mayday.collector.ingest.RateLimiter;
import dev.mayday.collector.store.BatchingWriter;
import dev.mayday.collector.store.JdbcReportStore;
import dev.mayday.collector.store.ReportStore;
import dev.mayday.collector.ws.WebSocketGateway;

/**
 * A running collector: store, writer, HTTP and WebSocket servers wired together. Closing it
 * stops the servers first, then stores what is queued, then closes the database.
 */
public final class Collector implements AutoCloseable {

    private final CollectorOptions options;
    private final String token;
    private final JdbcReportStore store;
    private final BatchingWriter writer;
    private final WebSocketGateway ws;
    private final ApiServer http;

    private Collector(CollectorOptions options, String token, JdbcReportStore store, BatchingWriter writer,
                      WebSocketGateway ws, ApiServer http) {
        this.options = options;
        this.token = token;
        this.store = store;
        this.writer = writer;
        this.ws = ws;
        this.http = http;
    }

    /** Opens the database and starts both servers; on failure everything opened is closed again. */
    public static Collector start(CollectorOptions options) throws Exception {
        String token = options.token() != null ? options.token() : TokenGuard.generate();
        TokenGuard guard = new TokenGuard(token);
        RateLimiter limiter = new RateLimiter(options.rateLimit());
        JdbcReportStore store = JdbcReportStore.open(options.db());
        BatchingWriter writer = new BatchingWriter(store);
        WebSocketGateway ws = null;
        ApiServer http = null;
        try {
            Ingestor ingestor = new Ingestor(writer);
            ws = new WebSocketGateway(options.bind(), options.wsPort(), guard, ingestor, limiter, options.maxReportBytes());
            ingestor.addListener(ws);
            ws.startAndWait();
            WebSocketGateway started = ws;
            http = new ApiServer(options.bind(), options.httpPort(), guard, ingestor, store, options.maxReportBytes(),
                    limiter, started::getPort);
            http.start();
            return new Collector(options, token, store, writer, ws, http);
        } catch (Exception e) {
            if (http != null) {
                http.close();
            }
            if (ws != null) {
                stopQuietly(ws);
            }
            writer.close();
            store.close();
            throw e;
        }
    }

    public int httpPort() {
        return http.port();
    }

    public int wsPort() {
        return ws.getPort();
    }

    /** The token in force (the generated one when none was given). */
    public String token() {
        return token;
    }

    public ReportStore store() {
        return store;
    }

    public String describeStore() {
        return store.describe();
    }

    public CollectorOptions options() {
        return options;
    }

    @Override
    public void close() {
        http.close();
        stopQuietly(ws);
        writer.close();
        store.close();
    }

    private static void stopQuietly(WebSocketGateway ws) {
        try {
            ws.stop(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
