package dev.mayday.collector.http;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.mayday.collector.auth.TokenGuard;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * {@code POST /api/session {"token": "..."}}: the dashboard's sign-in. A right token comes back
 * as an HttpOnly, SameSite=Strict cookie, so the page's scripts never hold it and other sites
 * cannot use it. {@code DELETE} signs out.
 */
final class SessionHandler implements HttpHandler {

    private static final long MAX_BODY = 4096;
    private final TokenGuard guard;

    SessionHandler(TokenGuard guard) {
        this.guard = guard;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            switch (ex.getRequestMethod()) {
                case "POST" -> signIn(ex);
                case "DELETE" -> {
                    ex.getResponseHeaders().add("Set-Cookie", TokenGuard.COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
                    Exchanges.json(ex, 200, new JsonObject());
                }
                default -> Exchanges.error(ex, 405, "use POST to sign in, DELETE to sign out");
            }
        } catch (RuntimeException e) {
            Exchanges.error(ex, 400, "expected {\"token\": \"...\"}");
        }
    }

    private void signIn(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readNBytes((int) MAX_BODY);
        String token = JsonParser.parseString(new String(body, StandardCharsets.UTF_8)).getAsJsonObject().get("token").getAsString();
        if (!guard.accepts(token)) {
            Exchanges.error(ex, 401, "wrong token");
            return;
        }
        ex.getResponseHeaders().add("Set-Cookie", TokenGuard.COOKIE + "=" + URLEncoder.encode(token, StandardCharsets.UTF_8)
                + "; Path=/; Max-Age=31536000; HttpOnly; SameSite=Strict");
        JsonObject ok = new JsonObject();
        ok.addProperty("ok", true);
        Exchanges.json(ex, 200, ok);
    }
}
