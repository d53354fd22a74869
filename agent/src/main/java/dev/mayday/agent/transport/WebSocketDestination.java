package dev.mayday.agent.transport;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;

/**
 * {@code send=ws(s)://HOST:PORT/reports}: a collector's WebSocket. One connection per delivery
 * pass; each report is one text message, and it counts as delivered only when the collector
 * answered {@code {"ack":"<its id>"}}. An {@code {"error":...}} answer rejects the report unless it
 * says {@code "retry":true} (rate limit, storage trouble), which means try later.
 */
final class WebSocketDestination implements Destination {

    static final long CONNECT_TIMEOUT_MILLIS = 5_000;
    static final long ACK_TIMEOUT_MILLIS = 15_000;
    /** Put in the queue when the connection ends, so a waiting delivery stops waiting. */
    private static final String CLOSED = "\u0000closed";

    private final URI uri;
    private final String token;
    private Client client;

    WebSocketDestination(URI uri, String token) {
        this.uri = uri;
        this.token = token;
    }

    @Override
    public Outcome deliver(String id, String fileName, byte[] json) {
        try {
            if (client == null || !client.isOpen()) {
                Outcome refused = connect();
                if (refused != null) {
                    return refused;
                }
            }
            client.answers.clear();
            client.send(new String(json, StandardCharsets.UTF_8));
            return awaitAnswer(id);
        } catch (RuntimeException e) {
            close();
            return Outcome.failed(Failures.describe(e, uri));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            return Outcome.failed("interrupted");
        }
    }

    /** Null when connected, else why not. */
    private Outcome connect() throws InterruptedException {
        close();
        Map<String, String> headers = token == null
                ? Collections.<String, String>emptyMap()
                : Collections.singletonMap("Authorization", "Bearer " + token);
        client = new Client(uri, headers);
        client.setConnectionLostTimeout(0); // no ping timer thread: a pass is short
        client.setDaemon(true); // never keep the program's JVM alive
        if (client.connectBlocking(CONNECT_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
            return null;
        }
        // "Refused" only when the collector answered the handshake with a refusal (a 401, a 404):
        // a handshake that never completed is a collector that does not answer in time.
        Outcome why = client.failure != null && !client.handshakeRefused
                ? Outcome.failed(Failures.describe(client.failure, uri))
                : client.handshakeRefused
                ? Outcome.failed("the collector refused the connection; check the token and the path ("
                        + client.closeReason + ")")
                : Outcome.failed("no answer from " + uri.getHost() + ":" + uri.getPort()
                        + " in time (the WebSocket handshake did not complete within "
                        + CONNECT_TIMEOUT_MILLIS / 1000 + " s)");
        close();
        return why;
    }

    private Outcome awaitAnswer(String id) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ACK_TIMEOUT_MILLIS);
        while (true) {
            long left = deadline - System.nanoTime();
            String message = left > 0 ? client.answers.poll(left, TimeUnit.NANOSECONDS) : null;
            if (message == null) {
                close();
                return Outcome.failed("no acknowledgement from " + uri.getHost() + ":" + uri.getPort() + " in time");
            }
            if (CLOSED.equals(message)) {
                String reason = client.closeReason;
                close();
                return Outcome.failed("the connection closed before the acknowledgement"
                        + (reason == null ? "" : " (" + reason + ")"));
            }
            Outcome outcome = interpret(message, id);
            if (outcome != null) {
                return outcome;
            }
        }
    }

    /** The outcome this answer gives the report {@code id}, or null if it is about another one. */
    static Outcome interpret(String message, String id) {
        JsonObject answer;
        try {
            JsonElement parsed = JsonParser.parseString(message);
            if (!parsed.isJsonObject()) {
                return null;
            }
            answer = parsed.getAsJsonObject();
        } catch (RuntimeException e) {
            return null; // not an answer of the collector's protocol
        }
        if (answer.has("ack")) {
            return id.equals(text(answer, "ack")) ? Outcome.delivered() : null;
        }
        if (answer.has("error")) {
            String about = text(answer, "id");
            if (about != null && !about.equals(id)) {
                return null;
            }
            String error = Failures.shorten(String.valueOf(text(answer, "error")), 300);
            boolean retry = answer.has("retry") && answer.get("retry").isJsonPrimitive()
                    && answer.get("retry").getAsBoolean();
            return retry ? Outcome.failedThisReport("the collector said: " + error) : Outcome.rejected(error);
        }
        return null;
    }

    private static String text(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
    }

    @Override
    public String describe() {
        return Destinations.describe(uri.toString());
    }

    @Override
    public void close() {
        Client c = client;
        client = null;
        if (c != null) {
            try {
                c.close();
            } catch (RuntimeException ignored) {
                // closing is a courtesy
            }
        }
    }

    /** The Java-WebSocket client; hands every answer to the delivering thread through a queue. */
    private static final class Client extends WebSocketClient {
        final LinkedBlockingQueue<String> answers = new LinkedBlockingQueue<String>();
        volatile Exception failure;
        volatile String closeReason;
        /** The collector answered the handshake, and not with "101 Switching Protocols". */
        volatile boolean handshakeRefused;

        Client(URI uri, Map<String, String> headers) {
            super(uri, headers);
        }

        @Override
        public void onOpen(ServerHandshake handshake) {
            // ready; deliver() sends
        }

        @Override
        public void onMessage(String message) {
            answers.add(message);
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
            closeReason = reason == null || reason.isEmpty() ? "code " + code : reason + ", code " + code;
            if (!isOpen() && reason != null && reason.contains("Invalid status code received")) {
                handshakeRefused = true; // Java-WebSocket's words for an HTTP answer other than 101
            }
            answers.add(CLOSED);
        }

        @Override
        public void onError(Exception ex) {
            failure = ex;
        }
    }
}
