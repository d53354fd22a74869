package dev.mayday.collector.http;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.mayday.collector.auth.Presented;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * {@code POST /api/session {"token": "READ-TOKEN"}}: the dashboard's sign-in. It creates a session
 * on the server and answers with its random id in an HttpOnly, SameSite=Strict cookie (Secure
 * over TLS): the token itself never lands in the browser. {@code DELETE} ends the session.
 */
final class SessionEndpoint implements Endpoint {

    private static final int MAX_BODY = 4096;
    private static final String EXPECTED = "expected a JSON body {\"token\": \"...\"}";
    private final Gate gate;

    SessionEndpoint(Gate gate) {
        this.gate = gate;
    }

    @Override
    public void handle(Exchange ex) throws IOException {
        if ("DELETE".equals(ex.method())) {
            gate.sessions().delete(Presented.cookie(ex.header("Cookie"), Presented.SESSION_COOKIE));
            ex.addHeader("Set-Cookie", cookie("", ex.secure()) + "; Max-Age=0");
            ex.json(200, new JsonObject());
            return;
        }
        String address = ex.remoteAddress();
        if (!gate.throttle().allows(address)) {
            Gate.tooMany(ex);
            return;
        }
        if (ex.contentLength() > MAX_BODY) {
            ex.error(413, "a sign-in body is at most " + MAX_BODY + " bytes");
            return;
        }
        String token = token(ex);
        if (token == null) {
            ex.error(400, EXPECTED);
            return;
        }
        if (!gate.credentials().isReadToken(token)) {
            if (gate.credentials().ingestKey(token) != null) {
                ex.error(403, "that is an ingest key; the dashboard needs the read token (--read-token)");
                return;
            }
            gate.throttle().failed(address);
            ex.error(401, "wrong token");
            return;
        }
        ex.addHeader("Set-Cookie", cookie(gate.sessions().create(), ex.secure()));
        JsonObject ok = new JsonObject();
        ok.addProperty("ok", true);
        ex.json(200, ok);
    }

    private static String token(Exchange ex) throws IOException {
        byte[] body;
        try (InputStream in = ex.body()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            return null;
        }
        ex.bodyConsumed(); // fewer bytes than asked for: the body ended
        try {
            JsonElement e = JsonParser.parseString(new String(body, StandardCharsets.UTF_8));
            if (!e.isJsonObject()) {
                return null;
            }
            JsonElement t = e.getAsJsonObject().get("token");
            return t != null && t.isJsonPrimitive() && t.getAsJsonPrimitive().isString() ? t.getAsString().trim() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String cookie(String value, boolean secure) {
        return Presented.SESSION_COOKIE + "=" + value + "; Path=/; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }
}
