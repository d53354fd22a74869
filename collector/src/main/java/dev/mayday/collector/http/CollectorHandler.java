package dev.mayday.collector.http;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.URIUtil;

import java.util.List;
import java.util.TreeSet;

/**
 * Finds the route of a request, lets the {@link Gate} admit it, and runs its endpoint. A bug in
 * an endpoint becomes a 500 with {@code {"error": ...}}, never an empty reply.
 */
final class CollectorHandler extends Handler.Abstract {

    private final List<Route> routes;
    private final Gate gate;

    CollectorHandler(Routes routes, Gate gate) {
        this.routes = List.copyOf(routes.all());
        this.gate = gate;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path;
        try {
            path = URIUtil.decodePath(request.getHttpURI().getPath());
        } catch (RuntimeException e) {
            new Exchange(request, response, callback, "").error(400, "malformed path");
            return true;
        }
        Route found = null;
        String rest = null;
        TreeSet<String> allowed = new TreeSet<>();
        for (Route r : routes) {
            String m = r.match(path);
            if (m == null) {
                continue;
            }
            if (r.methods().contains(request.getMethod())) {
                found = r;
                rest = m;
                break;
            }
            allowed.addAll(r.methods());
        }
        Exchange ex = new Exchange(request, response, callback, rest == null ? "" : rest);
        try {
            if (found == null) {
                response.getHeaders().put(HttpHeader.ALLOW, String.join(", ", allowed));
                ex.error(405, "use " + String.join(" or ", allowed) + " on " + path);
                return true;
            }
            if (gate.admit(ex, found.access())) {
                found.endpoint().handle(ex);
            }
            if (!ex.answered()) {
                ex.error(500, "internal error: no answer");
            }
        } catch (Throwable t) {
            if (!ex.answered() && !response.isCommitted()) {
                ex.error(500, "internal error: " + t.getClass().getSimpleName());
            } else {
                ex.fail(t);
            }
        }
        return true;
    }
}
