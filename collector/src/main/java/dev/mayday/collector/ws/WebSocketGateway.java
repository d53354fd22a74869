package dev.mayday.collector.ws;

import dev.mayday.collector.auth.AddressThrottle;
import dev.mayday.collector.auth.Credentials;
import dev.mayday.collector.auth.Credentials.IngestKey;
import dev.mayday.collector.auth.Presented;
import dev.mayday.collector.http.Gate;
import dev.mayday.collector.ingest.Ingestor;
import dev.mayday.collector.ingest.RateLimiter;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;
import org.eclipse.jetty.websocket.server.WebSocketCreator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The WebSocket paths, on the HTTP port:
 * <ul>
 *   <li>{@code /reports}: agents, with an ingest key ({@code Authorization: Bearer} or
 *       {@code ?token=}); never the session cookie ({@link ReportSocket});</li>
 *   <li>{@code /live}: the dashboard's feed, with the read token or a session cookie; a handshake
 *       carrying the cookie must come from the collector's own origin ({@link LiveFeed}).</li>
 * </ul>
 * A refused handshake is an HTTP answer (401, 403, 429) before any WebSocket exists.
 */
public final class WebSocketGateway {

    public static final String REPORTS = "/reports";
    public static final String LIVE = "/live";

    private final Credentials credentials;
    private final Gate gate;
    private final AddressThrottle throttle;
    private final Ingestor ingestor;
    private final RateLimiter limiter;
    private final LiveFeed live;
    private final long maxReportBytes;

    public WebSocketGateway(Gate gate, Ingestor ingestor, RateLimiter limiter, LiveFeed live, long maxReportBytes) {
        this.gate = gate;
        this.credentials = gate.credentials();
        this.throttle = gate.throttle();
        this.ingestor = ingestor;
        this.limiter = limiter;
        this.live = live;
        this.maxReportBytes = maxReportBytes;
    }

    /** Sets the container's limits and maps both paths. */
    public void configure(ServerWebSocketContainer container) {
        container.setMaxTextMessageSize(maxReportBytes);
        container.setMaxBinaryMessageSize(64 * 1024);
        container.setIdleTimeout(Duration.ofMinutes(2));
        // a slow reader of the live feed or of acks cannot make the collector queue without end
        container.setMaxOutgoingFrames(1000);
        container.addMapping(REPORTS, (WebSocketCreator) this::reports);
        container.addMapping(LIVE, (WebSocketCreator) this::live);
    }

    private Object reports(ServerUpgradeRequest request, ServerUpgradeResponse response, Callback callback) {
        String address = Request.getRemoteAddr(request);
        if (!throttle.allows(address)) {
            refuse(request, response, callback, 429, "too many failed attempts from this address");
            return null;
        }
        if (crossOriginWithCookie(request)) {
            refuse(request, response, callback, 403, "cross-origin WebSocket with the dashboard's cookie refused");
            return null;
        }
        String presented = Presented.bearer(request.getHeaders().get("Authorization"));
        if (presented == null) {
            presented = queryToken(request);
        }
        IngestKey key = credentials.ingestKey(presented);
        if (key == null) {
            if (credentials.isReadToken(presented)) {
                refuse(request, response, callback, 403, "the read token cannot post reports; send an ingest key");
                return null;
            }
            throttle.failed(address);
            refuse(request, response, callback, 401, presented == null ? "missing ingest key" : "wrong key");
            return null;
        }
        return new ReportSocket(ingestor, limiter, throttle, key, address);
    }

    private Object live(ServerUpgradeRequest request, ServerUpgradeResponse response, Callback callback) {
        String address = Request.getRemoteAddr(request);
        if (!throttle.allows(address)) {
            refuse(request, response, callback, 429, "too many failed attempts from this address");
            return null;
        }
        if (crossOriginWithCookie(request)) {
            // A page of another port or host of the same site sends the cookie too: only the
            // dashboard's own origin may open the feed with it.
            refuse(request, response, callback, 403, "cross-origin WebSocket with the dashboard's cookie refused");
            return null;
        }
        String bearer = Presented.bearer(request.getHeaders().get("Authorization"));
        if (bearer != null) {
            if (credentials.isReadToken(bearer)) {
                return live.newSocket();
            }
            if (credentials.ingestKey(bearer) != null) {
                refuse(request, response, callback, 403, "an ingest key cannot read the live feed");
                return null;
            }
            throttle.failed(address);
            refuse(request, response, callback, 401, "wrong token");
            return null;
        }
        String session = Presented.cookie(request.getHeaders().get("Cookie"), Presented.SESSION_COOKIE);
        if (session == null || !gate.sessions().touch(session)) {
            refuse(request, response, callback, 401, "not signed in");
            return null;
        }
        return live.newSocket();
    }

    /**
     * Whether a handshake carries the dashboard's cookie from anywhere but the collector's own
     * origin: what a page of another port or site makes a signed-in browser send. Checked on
     * every path, whatever else the handshake presents.
     */
    private static boolean crossOriginWithCookie(Request request) {
        return Presented.cookie(request.getHeaders().get("Cookie"), Presented.SESSION_COOKIE) != null
                && !Gate.sameOrigin(request.getHeaders().get("Origin"), request.getHeaders().get("Host"));
    }

    private static void refuse(Request request, Response response, Callback callback, int status, String message) {
        Response.writeError(request, response, callback, status, message);
    }

    private static String queryToken(Request request) {
        try {
            Fields q = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
            String t = q.getValue("token");
            return t == null || t.isEmpty() ? null : t;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
