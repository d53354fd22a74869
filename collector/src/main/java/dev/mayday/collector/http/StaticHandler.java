package dev.mayday.collector.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * Serves the dashboard's files from the jar. The files hold no data, so they need no token;
 * the page asks for it and every API call checks it.
 */
final class StaticHandler implements HttpHandler {

    private static final String ROOT = "/dev/mayday/collector/web/";
    private static final Map<String, String> FILES = Map.of(
            "", "index.html",
            "index.html", "index.html",
            "app.js", "app.js",
            "app.css", "app.css");

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (!"GET".equals(ex.getRequestMethod()) && !"HEAD".equals(ex.getRequestMethod())) {
                Exchanges.error(ex, 405, "use GET");
                return;
            }
            String name = FILES.get(Exchanges.rest(ex, ""));
            if (name == null) {
                Exchanges.error(ex, 404, "not found");
                return;
            }
            byte[] body;
            try (InputStream in = StaticHandler.class.getResourceAsStream(ROOT + name)) {
                if (in == null) {
                    Exchanges.error(ex, 500, "dashboard file " + name + " is missing from the jar");
                    return;
                }
                body = in.readAllBytes();
            }
            ex.getResponseHeaders().set("Content-Security-Policy",
                    "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:");
            ex.getResponseHeaders().set("X-Frame-Options", "DENY");
            Exchanges.bytes(ex, 200, type(name), body);
        }
    }

    private static String type(String name) {
        if (name.endsWith(".js")) return "text/javascript; charset=utf-8";
        if (name.endsWith(".css")) return "text/css; charset=utf-8";
        return "text/html; charset=utf-8";
    }
}
