package dev.mayday.collector.http;

import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;

/** {@code GET /api/info}: what the dashboard needs to know, such as the WebSocket port for live updates. */
final class InfoHandler implements HttpHandler {

    private final java.util.function.IntSupplier wsPort;

    InfoHandler(java.util.function.IntSupplier wsPort) {
        this.wsPort = wsPort;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        JsonObject o = new JsonObject();
        o.addProperty("wsPort", wsPort.getAsInt());
        o.addProperty("livePath", "/live");
        o.addProperty("version", InfoHandler.class.getPackage().getImplementationVersion());
        Exchanges.json(ex, 200, o);
    }
}
