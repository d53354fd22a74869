package dev.mayday.collector.http;

import com.google.gson.JsonObject;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The answers Jetty itself gives (a header too large, a malformed request line, a refused
 * WebSocket handshake) in the collector's shape: {@code {"error": "..."}}, with nosniff, never
 * an HTML page or a stack trace.
 */
final class JsonErrorHandler extends ErrorHandler {

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Object status = request.getAttribute(ERROR_STATUS);
        int code = status instanceof Integer i ? i : response.getStatus();
        if (code < 400) {
            code = 500;
        }
        Object message = request.getAttribute(ERROR_MESSAGE);
        // a 5xx message is Jetty's own exception text: nothing a sender can act on, and internals
        String text = code < 500 && message instanceof String s && !s.isBlank() ? s : HttpStatus.getMessage(code);
        JsonObject o = new JsonObject();
        o.addProperty("error", text);
        byte[] body = o.toString().getBytes(StandardCharsets.UTF_8);
        response.setStatus(code);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }
}
