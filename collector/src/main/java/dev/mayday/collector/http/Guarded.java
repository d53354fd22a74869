package dev.mayday.collector.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.mayday.collector.auth.TokenGuard;

import java.io.IOException;

/**
 * Wraps an API handler: answers 401 without the token, and turns anything unexpected into a
 * 500 with a short message, so one bad request never takes the server down.
 */
final class Guarded implements HttpHandler {

    private final TokenGuard guard;
    private final HttpHandler inner;

    Guarded(TokenGuard guard, HttpHandler inner) {
        this.guard = guard;
        this.inner = inner;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String presented = TokenGuard.presented(ex.getRequestHeaders().getFirst("Authorization"),
                    ex.getRequestHeaders().getFirst("Cookie"));
            if (!guard.accepts(presented)) {
                Exchanges.drain(ex);
                ex.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"mayday\"");
                Exchanges.error(ex, 401, presented == null ? "missing token: send Authorization: Bearer TOKEN"
                        : "wrong token");
                return;
            }
            inner.handle(ex);
        } catch (IOException e) {
            throw e;
        } catch (RuntimeException e) {
            try {
                Exchanges.error(ex, 500, "internal error: " + e.getClass().getSimpleName());
            } catch (IOException | RuntimeException ignored) {
                // headers were already sent; the connection is closed
            }
        }
    }
}
