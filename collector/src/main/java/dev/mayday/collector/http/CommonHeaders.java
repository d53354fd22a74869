package dev.mayday.collector.http;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Puts {@code X-Content-Type-Options: nosniff} and {@code Cache-Control: no-store} on every answer. */
final class CommonHeaders extends Handler.Wrapper {

    CommonHeaders(Handler inner) {
        super(inner);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put("Referrer-Policy", "no-referrer");
        return super.handle(request, response, callback);
    }
}
