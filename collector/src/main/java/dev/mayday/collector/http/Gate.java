package dev.mayday.collector.http;

import dev.mayday.collector.auth.AddressThrottle;
import dev.mayday.collector.auth.Credentials;
import dev.mayday.collector.auth.Credentials.IngestKey;
import dev.mayday.collector.auth.Presented;
import dev.mayday.collector.auth.SessionStore;

import java.net.URI;

/**
 * Decides whether a request may use a route, before its body is read. Ingest routes take an
 * ingest key from {@code Authorization: Bearer} only; read routes take the read token there or a
 * dashboard session cookie. A request that changes something with a cookie must come from the
 * dashboard's own origin. Wrong credentials count against the address ({@link AddressThrottle}).
 */
public final class Gate {

    private final Credentials credentials;
    private final SessionStore sessions;
    private final AddressThrottle throttle;

    public Gate(Credentials credentials, SessionStore sessions, AddressThrottle throttle) {
        this.credentials = credentials;
        this.sessions = sessions;
        this.throttle = throttle;
    }

    public Credentials credentials() {
        return credentials;
    }

    public SessionStore sessions() {
        return sessions;
    }

    public AddressThrottle throttle() {
        return throttle;
    }

    /** Lets the exchange through (true), or answers it (false). */
    boolean admit(Exchange ex, Access access) {
        if (access == Access.PUBLIC) {
            return true;
        }
        String address = ex.remoteAddress();
        if (!throttle.allows(address)) {
            tooMany(ex);
            return false;
        }
        String bearer = Presented.bearer(ex.header("Authorization"));
        if (access == Access.INGEST) {
            IngestKey key = credentials.ingestKey(bearer);
            if (key != null) {
                ex.ingestKey = key;
                return true;
            }
            if (credentials.isReadToken(bearer)) {
                ex.error(403, "the read token cannot post reports; agents send an ingest key (--token)");
                return false;
            }
            refuse(ex, address, bearer == null ? "missing ingest key: send Authorization: Bearer KEY" : "wrong key");
            return false;
        }
        if (bearer != null) {
            if (credentials.isReadToken(bearer)) {
                return true;
            }
            if (credentials.ingestKey(bearer) != null) {
                ex.error(403, "an ingest key can only post reports; reading needs the read token (--read-token)");
                return false;
            }
            refuse(ex, address, "wrong token");
            return false;
        }
        String session = Presented.cookie(ex.header("Cookie"), Presented.SESSION_COOKIE);
        if (session == null || !sessions.touch(session)) {
            if (session != null) {
                throttle.failed(address);
            }
            ex.addHeader("WWW-Authenticate", "Bearer realm=\"mayday\"");
            ex.error(401, session == null ? "not signed in: send Authorization: Bearer READ-TOKEN or sign in"
                    : "the session has ended; sign in again");
            return false;
        }
        if (!"GET".equals(ex.method()) && !"HEAD".equals(ex.method()) && !sameOrigin(ex.header("Origin"), ex.header("Host"))) {
            ex.error(403, "a signed-in change must come from the dashboard's own page (Origin)");
            return false;
        }
        ex.viaSession = true;
        return true;
    }

    private void refuse(Exchange ex, String address, String message) {
        throttle.failed(address);
        ex.addHeader("WWW-Authenticate", "Bearer realm=\"mayday\"");
        ex.error(401, message);
    }

    static void tooMany(Exchange ex) {
        ex.addHeader("Retry-After", "10");
        ex.error(429, "too many failed attempts from this address; wait and try again");
    }

    /**
     * Whether an {@code Origin} header names the host the request was sent to (scheme aside):
     * what a browser sends for the dashboard's own page, and not for a page of another port or host.
     */
    public static boolean sameOrigin(String origin, String host) {
        if (origin == null || host == null || origin.equals("null")) {
            return false;
        }
        try {
            URI o = URI.create(origin);
            if (o.getHost() == null) {
                return false;
            }
            int port = o.getPort() >= 0 ? o.getPort() : "https".equalsIgnoreCase(o.getScheme()) ? 443 : 80;
            URI h = URI.create("http://" + host);
            if (h.getHost() == null) {
                return false;
            }
            int hostPort = h.getPort() >= 0 ? h.getPort() : port == 443 && "https".equalsIgnoreCase(o.getScheme()) ? 443 : 80;
            return o.getHost().equalsIgnoreCase(h.getHost()) && port == hostPort;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
