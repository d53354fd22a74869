package dev.mayday.collector;

import dev.mayday.collector.auth.AddressThrottle;
import dev.mayday.collector.auth.Credentials;
import dev.mayday.collector.auth.SessionStore;
import dev.mayday.collector.config.CollectorOptions;
import dev.mayday.collector.config.CollectorOptions.IngestKeySpec;
import dev.mayday.collector.http.CollectorServer;
import dev.mayday.collector.http.Gate;
import dev.mayday.collector.ingest.Ingestor;
import dev.mayday.collector.ingest.RateLimiter;
import dev.mayday.collector.store.BatchingWriter;
import dev.mayday.collector.store.JdbcReportStore;
import dev.mayday.collector.store.ReportStore;
import dev.mayday.collector.ws.LiveFeed;
import dev.mayday.collector.ws.WebSocketGateway;

import java.nio.file.Path;
import java.util.List;

/**
 * A running collector: store, writer and the one server wired together. Closing it stops the
 * server first, then stores what is queued, then closes the database.
 */
public final class Collector implements AutoCloseable {

    /** Failures an address may make at once before it is slowed to one every {@link #THROTTLE_REFILL_MILLIS}. */
    static final int THROTTLE_BURST = 20;
    static final long THROTTLE_REFILL_MILLIS = 1_000;

    private final CollectorOptions options;
    private final String generatedIngestKey;
    private final String readToken;
    private final boolean readTokenGenerated;
    private final JdbcReportStore store;
    private final BatchingWriter writer;
    private final CollectorServer server;

    private Collector(CollectorOptions options, String generatedIngestKey, String readToken, boolean readTokenGenerated,
                      JdbcReportStore store, BatchingWriter writer, CollectorServer server) {
        this.options = options;
        this.generatedIngestKey = generatedIngestKey;
        this.readToken = readToken;
        this.readTokenGenerated = readTokenGenerated;
        this.store = store;
        this.writer = writer;
        this.server = server;
    }

    /** Opens the database and starts the server; on failure everything opened is closed again. */
    public static Collector start(CollectorOptions options) throws Exception {
        String generatedKey = null;
        List<IngestKeySpec> keys = options.ingestKeys();
        if (keys.isEmpty()) {
            generatedKey = Credentials.generate();
            keys = List.of(new IngestKeySpec(null, generatedKey));
        }
        boolean readGenerated = options.readToken() == null;
        String readToken = readGenerated ? Credentials.generate() : options.readToken();
        Gate gate = new Gate(new Credentials(keys, readToken), new SessionStore(),
                new AddressThrottle(THROTTLE_BURST, THROTTLE_REFILL_MILLIS));
        RateLimiter limiter = new RateLimiter(options.rateLimit());
        JdbcReportStore store = JdbcReportStore.open(options.db());
        BatchingWriter writer = new BatchingWriter(store);
        CollectorServer server = null;
        try {
            Ingestor ingestor = new Ingestor(writer);
            LiveFeed live = new LiveFeed();
            ingestor.addListener(live);
            WebSocketGateway ws = new WebSocketGateway(gate, ingestor, limiter, live, options.maxReportBytes());
            server = new CollectorServer(options.bind(), options.port(), gate, ingestor, store, options.maxReportBytes(),
                    limiter, ws, path(options.tlsCert()), path(options.tlsKey()));
            server.start();
            return new Collector(options, generatedKey, readToken, readGenerated, store, writer, server);
        } catch (Exception e) {
            if (server != null) {
                server.close();
            }
            writer.close();
            store.close();
            throw e;
        }
    }

    private static Path path(String s) {
        return s == null ? null : Path.of(s);
    }

    /** The one port: HTTP, WebSocket and the dashboard. */
    public int port() {
        return server.port();
    }

    public boolean tls() {
        return server.tls();
    }

    /** The ingest key generated because none was given, else null. */
    public String generatedIngestKey() {
        return generatedIngestKey;
    }

    /** The read token in force (the generated one when none was given). */
    public String readToken() {
        return readToken;
    }

    public boolean readTokenGenerated() {
        return readTokenGenerated;
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
        server.close();
        writer.close();
        store.close();
    }
}
