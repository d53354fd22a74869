package dev.mayday.collector.http;

import dev.mayday.collector.ingest.BodyReader;
import dev.mayday.collector.ingest.Ingestor;
import dev.mayday.collector.ingest.RateLimiter;
import dev.mayday.collector.store.ReportStore;
import dev.mayday.collector.tls.PemKeyStore;
import dev.mayday.collector.ws.WebSocketGateway;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

import java.nio.file.Path;
import java.security.KeyStore;
import java.util.UUID;

/**
 * The collector's one server (Jetty 12, core handlers, no servlets): HTTP/1.1 and HTTP/2 (h2c in
 * the clear; h2 by ALPN over TLS), the API, the dashboard and both WebSocket paths on one port.
 * Limits that hold before anyone is authenticated: 16 KiB of request headers, headers and TLS
 * handshakes complete within {@link #HEADER_MILLIS}, 15 s idle, bodies at least
 * {@link #MIN_BODY_RATE} bytes/s; connections cost no thread while they wait.
 */
public final class CollectorServer implements AutoCloseable {

    static final int HEADER_BYTES = 16 * 1024;
    static final long HEADER_MILLIS = 10_000;
    static final long IDLE_MILLIS = 15_000;
    static final long MIN_BODY_RATE = 1024;

    private final Server server;
    private final ServerConnector connector;
    private final boolean tls;

    /**
     * @param tlsCert PEM certificate chain, or null for plain HTTP
     * @param tlsKey  its PEM private key
     */
    public CollectorServer(String bind, int port, Gate gate, Ingestor ingestor, ReportStore store, long maxReportBytes,
                           RateLimiter limiter, WebSocketGateway ws, Path tlsCert, Path tlsKey) throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("mayday-http");
        threads.setDaemon(true);
        server = new Server(threads);
        server.setStopTimeout(3_000);

        HttpConfiguration http = new HttpConfiguration();
        http.setRequestHeaderSize(HEADER_BYTES);
        http.setResponseHeaderSize(HEADER_BYTES);
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setMinRequestDataRate(MIN_BODY_RATE);
        http.setIdleTimeout(IDLE_MILLIS);
        HttpConnectionFactory http1 = new HttpConnectionFactory(http);

        tls = tlsCert != null;
        if (tls) {
            http.setSecureScheme("https");
            http.addCustomizer(new SecureRequestCustomizer(false)); // certificates for an IP address have no SNI name
            HTTP2ServerConnectionFactory h2 = new HTTP2ServerConnectionFactory(http);
            ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory("h2", "http/1.1");
            alpn.setDefaultProtocol(http1.getProtocol());
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            char[] password = UUID.randomUUID().toString().toCharArray();
            KeyStore keys = PemKeyStore.load(tlsCert, tlsKey, password);
            ssl.setKeyStore(keys);
            ssl.setKeyStorePassword(new String(password));
            ssl.setCertAlias(PemKeyStore.ALIAS);
            connector = connector(new SslConnectionFactory(ssl, alpn.getProtocol()), alpn, h2, http1);
        } else {
            connector = connector(http1, new CleartextHttp2(http));
        }
        connector.setHost(bind);
        connector.setPort(port);
        connector.setIdleTimeout(IDLE_MILLIS);
        connector.setAcceptQueueSize(256);
        connector.addBean(new HeaderDeadline(server.getScheduler(), HEADER_MILLIS));
        server.addConnector(connector);

        Routes routes = Routes.standard(new Routes.Endpoints(
                new IngestEndpoint(ingestor, new BodyReader(maxReportBytes), limiter),
                new ReportEndpoint(store),
                new GroupsEndpoint(store),
                new InfoEndpoint(),
                new SessionEndpoint(gate),
                new StaticEndpoint(),
                new GroupEditsEndpoint(store)));
        WebSocketUpgradeHandler upgrades = WebSocketUpgradeHandler.from(server, ws::configure);
        upgrades.setHandler(new CollectorHandler(routes, gate));
        server.setHandler(new CommonHeaders(upgrades));
        server.setErrorHandler(new JsonErrorHandler());
    }

    private ServerConnector connector(ConnectionFactory... factories) {
        return new ServerConnector(server, 1, 1, factories);
    }

    public void start() throws Exception {
        server.start();
    }

    public int port() {
        return connector.getLocalPort();
    }

    public boolean tls() {
        return tls;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception ignored) {
            // stopping at shutdown: nothing else to do about it
        }
    }
}
