package dev.mayday.collector.support;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Hand-written test reports: a small one built field by field, and the realistic sample. */
public final class Reports {

    private Reports() {
    }

    /** A minimal valid report. */
    public static JsonObject minimal(String id, String signature) {
        JsonObject r = new JsonObject();
        r.addProperty("schema", "mayday/1");
        r.addProperty("id", id);
        r.addProperty("time", "2026-11-26T07:00:00Z");
        r.addProperty("kind", "uncaught");
        r.addProperty("signature", signature);
        r.addProperty("title", "NullPointerException in acme.Game.tick");
        return r;
    }

    /** A minimal report with app, version, machine and optional comment. */
    public static JsonObject of(String id, String signature, String app, String version, String machine, String comment) {
        JsonObject r = minimal(id, signature);
        JsonObject a = new JsonObject();
        a.addProperty("name", app);
        a.addProperty("version", version);
        a.addProperty("mainClass", "acme.game.Main");
        r.add("app", a);
        JsonObject s = new JsonObject();
        s.addProperty("machineId", machine);
        r.add("system", s);
        if (comment != null) {
            JsonObject u = new JsonObject();
            u.addProperty("consent", "ask-accepted");
            u.addProperty("comment", comment);
            r.add("user", u);
        }
        return r;
    }

    /** The realistic sample (exception chain, 50 threads, 200 log lines, system) as text. */
    public static String sampleText() {
        try (InputStream in = Reports.class.getResourceAsStream("/sample-report.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample with another id (and optionally signature and version). */
    public static JsonObject sample(String id, String signature, String version) {
        JsonObject r = JsonParser.parseString(sampleText()).getAsJsonObject();
        r.addProperty("id", id);
        if (signature != null) {
            r.addProperty("signature", signature);
        }
        if (version != null) {
            r.getAsJsonObject("app").addProperty("version", version);
        }
        return r;
    }
}
