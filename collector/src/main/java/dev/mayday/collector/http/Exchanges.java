package dev.mayday.collector.http;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Small helpers to answer a request; every answer has a body and closes the exchange. */
final class Exchanges {

    private static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

    private Exchanges() {
    }

    static void json(HttpExchange ex, int status, JsonElement body) throws IOException {
        bytes(ex, status, "application/json; charset=utf-8", GSON.toJson(body).getBytes(StandardCharsets.UTF_8));
    }

    /** An error as {@code {"error": "..."}}: a reason a person can act on, never a stack trace. */
    static void error(HttpExchange ex, int status, String message) throws IOException {
        JsonObject o = new JsonObject();
        o.addProperty("error", message);
        json(ex, status, o);
    }

    static void bytes(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        if ("HEAD".equals(ex.getRequestMethod())) {
            ex.sendResponseHeaders(status, -1); // headers only; a length here makes the JDK server warn
            ex.close();
            return;
        }
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    /** Past this many unread bytes a refused request's connection is closed instead of drained. */
    private static final long DRAIN_LIMIT = 64L * 1024 * 1024;

    /**
     * Reads and drops what the client is still sending before a refusal (401, 413, 429), so it
     * reads the answer instead of a reset connection. Costs bandwidth, never memory.
     */
    static void drain(HttpExchange ex) {
        byte[] skip = new byte[16384];
        long drained = 0;
        try {
            int n;
            while (drained < DRAIN_LIMIT && (n = ex.getRequestBody().read(skip)) > 0) {
                drained += n;
            }
        } catch (IOException ignored) {
            // the client gave up; it will not read the answer either
        }
    }

    /** The path after a context's prefix, without a trailing slash; "" for the prefix itself. */
    static String rest(HttpExchange ex, String prefix) {
        String path = ex.getRequestURI().getRawPath();
        String rest = path.length() > prefix.length() ? path.substring(prefix.length()) : "";
        if (rest.startsWith("/")) {
            rest = rest.substring(1);
        }
        if (rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        return java.net.URLDecoder.decode(rest, StandardCharsets.UTF_8);
    }
}
