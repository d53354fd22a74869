package dev.mayday.agent.transport;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;

/** Says in a few words why a connection failed, the same way for every transport. */
final class Failures {

    private Failures() {
    }

    static String describe(Throwable e, URI uri) {
        String where = uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return "cannot reach " + where + " (" + message(t, "connection refused") + ")";
            }
            if (t instanceof UnknownHostException) {
                return "unknown host " + uri.getHost();
            }
            if (t instanceof SocketTimeoutException) {
                return "no answer from " + where + " in time";
            }
            if (t instanceof SSLException) {
                return "TLS failed with " + where + " (" + message(t, t.getClass().getSimpleName()) + ")";
            }
        }
        return "failed with " + where + " (" + e + ")";
    }

    static String message(Throwable t, String fallback) {
        String m = t.getMessage();
        return m == null || m.isEmpty() ? fallback : m;
    }

    /** At most {@code max} characters of {@code text} on one line. */
    static String shorten(String text, int max) {
        String line = text.replace('\n', ' ').replace('\r', ' ').trim();
        return line.length() <= max ? line : line.substring(0, max) + "...";
    }
}
