package dev.mayday.collector.config;

import java.util.List;

/**
 * Everything the collector is started with. Built by {@link OptionsParser} from the
 * command line, or directly by tests and benchmarks.
 *
 * @param bind            address the server listens on
 * @param port            the one port for HTTP, WebSocket and the dashboard (0 picks a free one)
 * @param db              an SQLite file name or a {@code jdbc:postgresql://} URL
 * @param ingestKeys      ingest keys ({@code --token [APP=]KEY}); empty means "generate one and print it"
 * @param readToken       the read token; null means "generate one and print it"
 * @param maxReportBytes  largest report accepted, after gzip inflation
 * @param rateLimit       reports per second per ingest key; 0 turns the limit off
 * @param tlsCert         PEM certificate chain to serve HTTPS with, or null for plain HTTP
 * @param tlsKey          PEM private key of {@code tlsCert}, or null
 */
public record CollectorOptions(String bind, int port, String db, List<IngestKeySpec> ingestKeys, String readToken,
                               long maxReportBytes, int rateLimit, String tlsCert, String tlsKey) {

    public static final int DEFAULT_PORT = 8686;
    public static final String DEFAULT_DB = "mayday.db";
    public static final long DEFAULT_MAX_REPORT_BYTES = 5L * 1024 * 1024;
    public static final int DEFAULT_RATE_LIMIT = 5000;
    /** Shorter keys could be guessed by trying; refused at start-up. */
    public static final int MIN_TOKEN_LENGTH = 16;

    public CollectorOptions {
        ingestKeys = List.copyOf(ingestKeys);
    }

    /** The defaults of the command line. */
    public static CollectorOptions defaults() {
        return new CollectorOptions("127.0.0.1", DEFAULT_PORT, DEFAULT_DB, List.of(), null,
                DEFAULT_MAX_REPORT_BYTES, DEFAULT_RATE_LIMIT, null, null);
    }

    /** A free port, the given database, one unbound ingest key and a read token: what tests start. */
    public static CollectorOptions forTest(String db, String ingestKey, String readToken) {
        return new CollectorOptions("127.0.0.1", 0, db, List.of(new IngestKeySpec(null, ingestKey)), readToken,
                DEFAULT_MAX_REPORT_BYTES, DEFAULT_RATE_LIMIT, null, null);
    }

    /** As {@link #forTest(String, String, String)} with a generated read token ({@code Collector.readToken()}). */
    public static CollectorOptions forTest(String db, String ingestKey) {
        return forTest(db, ingestKey, null);
    }

    public CollectorOptions withMaxReportBytes(long bytes) {
        return new CollectorOptions(bind, port, db, ingestKeys, readToken, bytes, rateLimit, tlsCert, tlsKey);
    }

    public CollectorOptions withRateLimit(int perSecond) {
        return new CollectorOptions(bind, port, db, ingestKeys, readToken, maxReportBytes, perSecond, tlsCert, tlsKey);
    }

    public CollectorOptions withIngestKeys(List<IngestKeySpec> keys) {
        return new CollectorOptions(bind, port, db, keys, readToken, maxReportBytes, rateLimit, tlsCert, tlsKey);
    }

    public CollectorOptions withTls(String cert, String key) {
        return new CollectorOptions(bind, port, db, ingestKeys, readToken, maxReportBytes, rateLimit, cert, key);
    }

    /**
     * One {@code --token} value.
     *
     * @param app the application the key may write reports of, or null for any
     * @param key the secret
     */
    public record IngestKeySpec(String app, String key) {
    }
}
