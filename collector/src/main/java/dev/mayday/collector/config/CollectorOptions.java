package dev.mayday.collector.config;

/**
 * Everything the collector is started with. Built by {@link OptionsParser} from the
 * command line, or directly by tests and benchmarks.
 *
 * @param bind            address both servers listen on
 * @param httpPort        HTTP port (0 picks a free one)
 * @param wsPort          WebSocket port (0 picks a free one)
 * @param db              an SQLite file name or a {@code jdbc:postgresql://} URL
 * @param token           the API token; null means "generate one and print it"
 * @param maxReportBytes  largest report accepted, after gzip inflation
 * @param rateLimit       reports per second per token; 0 turns the limit off
 */
public record CollectorOptions(String bind, int httpPort, int wsPort, String db, String token,
                               long maxReportBytes, int rateLimit) {

    public static final int DEFAULT_HTTP_PORT = 8686;
    public static final int DEFAULT_WS_PORT = 8687;
    public static final String DEFAULT_DB = "mayday.db";
    public static final long DEFAULT_MAX_REPORT_BYTES = 5L * 1024 * 1024;
    public static final int DEFAULT_RATE_LIMIT = 5000;

    /** The defaults of the command line. */
    public static CollectorOptions defaults() {
        return new CollectorOptions("127.0.0.1", DEFAULT_HTTP_PORT, DEFAULT_WS_PORT, DEFAULT_DB, null,
                DEFAULT_MAX_REPORT_BYTES, DEFAULT_RATE_LIMIT);
    }

    /** Defaults with free ports, the given database and token: what tests start. */
    public static CollectorOptions forTest(String db, String token) {
        return new CollectorOptions("127.0.0.1", 0, 0, db, token, DEFAULT_MAX_REPORT_BYTES, DEFAULT_RATE_LIMIT);
    }

    public CollectorOptions withMaxReportBytes(long bytes) {
        return new CollectorOptions(bind, httpPort, wsPort, db, token, bytes, rateLimit);
    }

    public CollectorOptions withRateLimit(int perSecond) {
        return new CollectorOptions(bind, httpPort, wsPort, db, token, maxReportBytes, perSecond);
    }

    public CollectorOptions withToken(String newToken) {
        return new CollectorOptions(bind, httpPort, wsPort, db, newToken, maxReportBytes, rateLimit);
    }
}
