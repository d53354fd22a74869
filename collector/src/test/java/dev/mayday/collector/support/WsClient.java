package dev.mayday.collector.support;

import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A WebSocket client that queues what it receives, and how it was closed. */
public final class WsClient extends WebSocketClient {

    public final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    public volatile int closeCode = -1;

    public WsClient(String url, Map<String, String> headers) {
        super(URI.create(url), headers);
    }

    public static WsClient bearer(String url, String token) {
        return new WsClient(url, token == null ? Map.of() : Map.of("Authorization", "Bearer " + token));
    }

    public String next() throws InterruptedException {
        String m = messages.poll(20, TimeUnit.SECONDS);
        if (m == null) {
            throw new AssertionError("no message within 20 s");
        }
        return m;
    }

    @Override
    public void onOpen(ServerHandshake handshake) {
    }

    @Override
    public void onMessage(String message) {
        messages.add(message);
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
        closeCode = code;
    }

    @Override
    public void onError(Exception ex) {
    }
}
