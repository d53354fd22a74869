package dev.mayday.collector.ws;

import com.google.gson.JsonObject;
import dev.mayday.collector.auth.TokenGuard;
import dev.mayday.collector.ingest.Ingestor;
import dev.mayday.collector.ingest.InvalidReportException;
import dev.mayday.collector.ingest.RateLimiter;
import dev.mayday.collector.ingest.Report;
import dev.mayday.collector.ingest.ReportListener;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.server.WebSocketServer;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The WebSocket side, two paths on one port:
 * <ul>
 *   <li>{@code /reports}: agents send one report per text message and get
 *       {@code {"ack":"<id>"}} or {@code {"error":"...","id":"<id>"}} back, after the commit;</li>
 *   <li>{@code /live}: the dashboard listens for {@code {"type":"report",...}} on each new report.</li>
 * </ul>
 * Both need the token: an {@code Authorization: Bearer} header, the dashboard's cookie, or
 * {@code ?token=}. Messages over the report limit close the connection (1009).
 */
public final class WebSocketGateway extends WebSocketServer implements ReportListener {

    private static final String REPORTS = "/reports";
    private static final String LIVE = "/live";

    private final TokenGuard guard;
    private final Ingestor ingestor;
    private final RateLimiter limiter;
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile Exception startError;

    public WebSocketGateway(String bind, int port, TokenGuard guard, Ingestor ingestor, RateLimiter limiter,
                            long maxReportBytes) {
        super(new InetSocketAddress(bind, port), List.<Draft>of(new Draft_6455(Collections.emptyList(),
                (int) Math.min(Integer.MAX_VALUE, maxReportBytes))));
        this.guard = guard;
        this.ingestor = ingestor;
        this.limiter = limiter;
        setReuseAddr(true);
        setDaemon(true);
        setConnectionLostTimeout(60);
    }

    /** Starts and waits until the port is bound, so callers can use {@link #getPort()} and see bind errors. */
    public void startAndWait() throws Exception {
        start();
        if (!started.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("WebSocket server did not start within 10 s");
        }
        if (startError != null) {
            throw startError;
        }
    }

    @Override
    public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket conn, Draft draft, ClientHandshake request)
            throws InvalidDataException {
        ServerHandshakeBuilder builder = super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
        URI uri = URI.create(request.getResourceDescriptor());
        String path = uri.getPath();
        if (!REPORTS.equals(path) && !LIVE.equals(path)) {
            throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "unknown path " + path + "; use " + REPORTS);
        }
        String presented = TokenGuard.presented(header(request, "Authorization"), header(request, "Cookie"));
        if (presented == null) {
            presented = queryToken(uri.getRawQuery());
        }
        if (!guard.accepts(presented)) {
            throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, presented == null ? "missing token" : "wrong token");
        }
        conn.setAttachment(new Peer(path, presented));
        return builder;
    }

    private record Peer(String path, String token) {
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        // authentication happened in the handshake
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        Peer peer = conn.getAttachment();
        if (peer == null || !REPORTS.equals(peer.path())) {
            return; // the live feed only speaks, it does not listen
        }
        if (!limiter.tryAcquire(peer.token())) {
            send(conn, retryLater(error("too many reports per second for this token; retry later", null)));
            return;
        }
        Report report;
        try {
            report = ingestor.parse(message.getBytes(StandardCharsets.UTF_8));
        } catch (InvalidReportException e) {
            send(conn, error(e.getMessage(), e.reportId()));
            return;
        }
        // Acknowledge once committed, without holding this decoder thread for the commit.
        ingestor.store(report).whenComplete((fresh, failure) -> {
            if (failure == null) {
                JsonObject ack = new JsonObject();
                ack.addProperty("ack", report.id());
                send(conn, ack);
            } else {
                Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                send(conn, retryLater(error("could not store the report: " + cause.getMessage(), report.id())));
            }
        });
    }

    @Override
    public void onMessage(WebSocket conn, ByteBuffer message) {
        send(conn, error("send each report as one text message (UTF-8 JSON), not binary", null));
    }

    @Override
    public void stored(Report report) {
        JsonObject event = new JsonObject();
        event.addProperty("type", "report");
        event.addProperty("id", report.id());
        event.addProperty("signature", report.signature());
        event.addProperty("title", report.title());
        event.addProperty("kind", report.kind());
        event.addProperty("version", report.version());
        String text = event.toString();
        for (WebSocket c : getConnections()) {
            Peer peer = c.getAttachment();
            if (peer != null && LIVE.equals(peer.path()) && c.isOpen()) {
                try {
                    c.send(text);
                } catch (RuntimeException ignored) {
                    // the browser went away between the check and the send
                }
            }
        }
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        // nothing is kept per connection
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
        if (conn == null) {
            startError = ex; // the server itself failed, usually while binding
            started.countDown();
        }
    }

    @Override
    public void onStart() {
        started.countDown();
    }

    /** Marks an error that says nothing against the report: the agent keeps it and sends it again later. */
    private static JsonObject retryLater(JsonObject error) {
        error.addProperty("retry", true);
        return error;
    }

    private static JsonObject error(String message, String id) {
        JsonObject o = new JsonObject();
        o.addProperty("error", message);
        if (id != null) {
            o.addProperty("id", id);
        }
        return o;
    }

    private static void send(WebSocket conn, JsonObject o) {
        if (conn.isOpen()) {
            try {
                conn.send(o.toString());
            } catch (RuntimeException ignored) {
                // closed meanwhile: the agent resends whatever was not acknowledged
            }
        }
    }

    private static String header(ClientHandshake h, String name) {
        return h.hasFieldValue(name) ? h.getFieldValue(name) : null;
    }

    private static String queryToken(String rawQuery) {
        if (rawQuery == null) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.startsWith("token=")) {
                return URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
