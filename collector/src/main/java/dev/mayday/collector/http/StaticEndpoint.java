package dev.mayday.collector.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * Serves the dashboard's files from the jar. The files hold no data, so they need no token;
 * the page signs in and every API call checks the session.
 */
final class StaticEndpoint implements Endpoint {

    private static final String ROOT = "/dev/mayday/collector/web/";
    private static final Map<String, String> FILES = Map.of(
            "", "index.html",
            "index.html", "index.html",
            "app.js", "app.js",
            "app.css", "app.css");

    @Override
    public void handle(Exchange ex) throws IOException {
        String name = FILES.get(ex.rest());
        if (name == null) {
            ex.error(404, "not found");
            return;
        }
        byte[] body;
        try (InputStream in = StaticEndpoint.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                ex.error(500, "dashboard file " + name + " is missing from the jar");
                return;
            }
            body = in.readAllBytes();
        }
        ex.addHeader("Content-Security-Policy", "default-src 'self'; connect-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
        ex.addHeader("X-Frame-Options", "DENY");
        ex.bytes(200, type(name), body);
    }

    private static String type(String name) {
        if (name.endsWith(".js")) return "text/javascript; charset=utf-8";
        if (name.endsWith(".css")) return "text/css; charset=utf-8";
        return "text/html; charset=utf-8";
    }
}
