package dev.mayday.collector.http;

import com.google.gson.JsonObject;

/** {@code GET /api/info}: what the dashboard needs to know, such as where the live feed is. */
final class InfoEndpoint implements Endpoint {

    @Override
    public void handle(Exchange ex) {
        JsonObject o = new JsonObject();
        o.addProperty("livePath", "/live");
        o.addProperty("version", InfoEndpoint.class.getPackage().getImplementationVersion());
        ex.json(200, o);
    }
}
