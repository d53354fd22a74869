package dev.mayday.collector.http;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.mayday.collector.auth.Credentials.IngestKey;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One request and its answer: what an endpoint reads, and the only way it answers. Every
 * answer has a body; it is sent once, whatever happens afterwards.
 */
public final class Exchange {

    /** The most of a refused body read and dropped before answering; more, and the connection closes. */
    static final long DRAIN_LIMIT = 8L * 1024 * 1024;
    /** The longest spent dropping a refused body: a slow sender gets its answer and a close instead. */
    static final long DRAIN_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(5);

    private static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

    final Request request;
    final Response response;
    final Callback callback;
    private final String rest;
    private final AtomicBoolean answered = new AtomicBoolean();
    IngestKey ingestKey;
    boolean viaSession;
    private boolean bodyConsumed;

    Exchange(Request request, Response response, Callback callback, String rest) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.rest = rest;
    }

    public String method() {
        return request.getMethod();
    }

    /** The path after the route's prefix, without slashes around it, decoded; "" for the prefix itself. */
    public String rest() {
        return rest;
    }

    public String header(String name) {
        return request.getHeaders().get(name);
    }

    /** The query parameters; a malformed query is an empty one. */
    public Fields query() {
        try {
            return Request.extractQueryParameters(request, StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            return new Fields();
        }
    }

    public String remoteAddress() {
        return Request.getRemoteAddr(request);
    }

    public boolean secure() {
        return request.isSecure();
    }

    /** The ingest key that authorised this request (ingest routes), else null. */
    public IngestKey ingestKey() {
        return ingestKey;
    }

    /** Whether a dashboard session authorised it (rather than a token in the header). */
    public boolean viaSession() {
        return viaSession;
    }

    public long contentLength() {
        return request.getLength();
    }

    public InputStream body() {
        return Content.Source.asInputStream(request);
    }

    /** Tells the exchange the endpoint read the body to its end, so the connection may be kept. */
    public void bodyConsumed() {
        bodyConsumed = true;
    }

    public void addHeader(String name, String value) {
        response.getHeaders().add(name, value);
    }

    public boolean answered() {
        return answered.get();
    }

    public void json(int status, JsonElement body) {
        bytes(status, "application/json; charset=utf-8", GSON.toJson(body).getBytes(StandardCharsets.UTF_8));
    }

    /** An error as {@code {"error": "..."}}: a reason a person can act on, never a stack trace. */
    public void error(int status, String message) {
        JsonObject o = new JsonObject();
        o.addProperty("error", message);
        json(status, o);
    }

    public void bytes(int status, String contentType, byte[] body) {
        if (!answered.compareAndSet(false, true)) {
            return;
        }
        response.setStatus(status);
        if (hasBody() && !consumed() && request.getConnectionMetaData().getHttpVersion().getVersion() < 20
                && !drained()) {
            // Answered before reading all the client sends (a body too large even to drop): the
            // connection cannot be used again, and saying so keeps the client from sending its
            // next request on it.
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        boolean head = "HEAD".equals(request.getMethod());
        response.write(true, head ? ByteBuffer.allocate(0) : ByteBuffer.wrap(body), callback);
    }

    /**
     * Reads and drops the rest of a body that was refused unread (401, 413), up to
     * {@link #DRAIN_LIMIT} bytes and {@link #DRAIN_NANOS}. A client sending its body is not
     * reading yet: answering and closing on its unread bytes makes the client's system reset the
     * connection, and the reset can discard the answer before the client reads it. True when the
     * body was read to its end, so the connection may be kept.
     */
    private boolean drained() {
        long length = request.getLength();
        if (length > 0 && length - Request.getContentBytesRead(request) > DRAIN_LIMIT) {
            return false;
        }
        long deadline = System.nanoTime() + DRAIN_NANOS;
        long dropped = 0;
        byte[] scratch = new byte[16 * 1024];
        try {
            InputStream in = body();
            for (int n; (n = in.read(scratch)) >= 0; ) {
                dropped += n;
                if (dropped > DRAIN_LIMIT || System.nanoTime() > deadline) {
                    return false;
                }
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
        bodyConsumed = true;
        return consumed();
    }

    private boolean consumed() {
        long length = request.getLength();
        return bodyConsumed && (length < 0 || Request.getContentBytesRead(request) >= length);
    }

    private boolean hasBody() {
        return request.getLength() > 0 || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
    }

    /** Ends the exchange after an answer written elsewhere, or aborts it if there was none. */
    void fail(Throwable t) {
        if (answered.compareAndSet(false, true)) {
            callback.failed(t);
        }
    }
}
