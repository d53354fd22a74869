package dev.mayday.collector.http;

import com.sun.net.httpserver.HttpServer;
import dev.mayday.collector.auth.TokenGuard;
import dev.mayday.collector.ingest.BodyReader;
import dev.mayday.collector.ingest.Ingestor;
import dev.mayday.collector.ingest.RateLimiter;
import dev.mayday.collector.store.ReportStore;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * The HTTP side: the JDK's built-in server with a fixed pool of threads. The pool bounds memory
 * too: at most {@code THREADS} bodies of at most the report limit are held at once.
 */
public final class ApiServer implements AutoCloseable {

    private static final int THREADS = 16;

    static {
        // The JDK server writes headers and body separately; without TCP_NODELAY, Nagle's
        // algorithm and the client's delayed ACK add ~40 ms to every answer.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService pool;

    public ApiServer(String bind, int port, TokenGuard guard, Ingestor ingestor, ReportStore store,
                     long maxReportBytes, RateLimiter limiter, IntSupplier wsPort) throws IOException {
        server = HttpServer.create(new InetSocketAddress(bind, port), 256);
        pool = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "mayday-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        IngestHandler ingest = new IngestHandler(ingestor, new BodyReader(maxReportBytes), limiter);
        server.createContext("/api/reports", new Guarded(guard, new ReportsHandler(store, ingest)));
        server.createContext("/api/groups", new Guarded(guard, new GroupsHandler(store)));
        server.createContext(dev.mayday.collector.group.GroupEdits.PATH, new Guarded(guard, new GroupEditsHandler(store)));
        server.createContext("/api/info", new Guarded(guard, new InfoHandler(wsPort)));
        server.createContext("/api/session", new SessionHandler(guard));
        server.createContext("/", new StaticHandler());
    }

    public void start() {
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdown();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
