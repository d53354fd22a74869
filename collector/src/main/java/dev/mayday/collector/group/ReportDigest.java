package dev.mayday.collector.group;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.nio.charset.StandardCharsets;

/**
 * What a group's page shows of its newest report: the exception chain with each frame marked
 * {@code app}, {@code library} or {@code jdk}, the last log lines, the thread, the app and the
 * system. Built from the stored body; parts the report lacks are left out.
 */
public final class ReportDigest {

    /** Log lines shown on a group's page; the whole buffer is on the report's page. */
    public static final int LOG_LINES = 50;
    private static final int MAX_CHAIN = 20;

    private ReportDigest() {
    }

    public static JsonObject of(String id, byte[] body) {
        JsonObject out = new JsonObject();
        out.addProperty("id", id);
        JsonObject report;
        try {
            report = JsonParser.parseString(new String(body, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (RuntimeException e) {
            return out; // stored bodies were validated; this is only a guard
        }
        JsonObject app = object(report, "app");
        String mainClass = app != null && app.has("mainClass") && app.get("mainClass").isJsonPrimitive()
                ? app.get("mainClass").getAsString() : null;
        FrameClassifier classifier = new FrameClassifier(mainClass);
        text(report, out, "time");
        text(report, out, "kind");
        text(report, out, "title");
        objectOnly(report, out, "app");
        objectOnly(report, out, "thread");
        objectOnly(report, out, "system");
        objectOnly(report, out, "user");
        text(report, out, "origin");
        JsonObject exception = object(report, "exception");
        if (exception != null) {
            out.add("exception", chain(exception, classifier));
        }
        JsonElement logs = report.get("logs");
        if (logs != null && logs.isJsonArray()) {
            JsonArray all = logs.getAsJsonArray();
            JsonArray tail = new JsonArray();
            int lines = 0;
            for (JsonElement line : all) {
                if (line.isJsonObject()) {
                    lines++;
                }
            }
            int skip = Math.max(0, lines - LOG_LINES);
            for (JsonElement line : all) {
                if (line.isJsonObject() && skip-- <= 0) {
                    tail.add(logLine(line.getAsJsonObject()));
                }
            }
            out.add("logs", tail);
            out.addProperty("logCount", lines);
        }
        return out;
    }

    /** The cause chain flattened into a list, outermost first; suppressed ones stay nested. */
    private static JsonArray chain(JsonObject exception, FrameClassifier classifier) {
        JsonArray list = new JsonArray();
        JsonObject e = exception;
        while (e != null && list.size() < MAX_CHAIN) {
            JsonObject item = new JsonObject();
            text(e, item, "type");
            text(e, item, "message");
            item.add("frames", frames(e, classifier));
            JsonElement suppressed = e.get("suppressed");
            if (suppressed != null && suppressed.isJsonArray()) {
                JsonArray sup = new JsonArray();
                for (JsonElement s : suppressed.getAsJsonArray()) {
                    if (s.isJsonObject()) {
                        sup.add(chain(s.getAsJsonObject(), classifier));
                    }
                }
                item.add("suppressed", sup);
            }
            list.add(item);
            e = object(e, "cause");
        }
        return list;
    }

    private static JsonArray frames(JsonObject exception, FrameClassifier classifier) {
        JsonArray out = new JsonArray();
        JsonElement frames = exception.get("frames");
        if (frames == null || !frames.isJsonArray()) {
            return out;
        }
        for (JsonElement f : frames.getAsJsonArray()) {
            if (!f.isJsonObject()) {
                continue;
            }
            JsonObject given = f.getAsJsonObject();
            JsonObject frame = new JsonObject();
            for (String key : FRAME_TEXT) {
                text(given, frame, key);
            }
            JsonElement line = given.get("line");
            if (line != null && line.isJsonPrimitive() && line.getAsJsonPrimitive().isNumber()) {
                frame.add("line", line);
            }
            frame.addProperty("origin", classifier.classify(string(frame, "class"), string(frame, "module"), string(frame, "jar")));
            out.add(frame);
        }
        return out;
    }

    private static final String[] FRAME_TEXT = {"class", "method", "file", "jar", "module"};
    private static final String[] LOG_TEXT = {"time", "level", "logger", "thread", "message", "exception"};

    /** A log line with only text values: whatever shape a sender gave, the page gets strings. */
    private static JsonObject logLine(JsonObject given) {
        JsonObject line = new JsonObject();
        for (String key : LOG_TEXT) {
            text(given, line, key);
        }
        return line;
    }

    /** Copies a value as text: strings and numbers as they are, objects and arrays as their JSON. */
    private static void text(JsonObject from, JsonObject to, String key) {
        JsonElement e = from.get(key);
        if (e == null || e.isJsonNull()) {
            return;
        }
        to.addProperty(key, e.isJsonPrimitive() ? e.getAsString() : e.toString());
    }

    private static void objectOnly(JsonObject from, JsonObject to, String key) {
        JsonElement e = from.get(key);
        if (e != null && e.isJsonObject()) {
            to.add(key, e);
        }
    }

    private static JsonObject object(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonObject() ? e.getAsJsonObject() : null;
    }

    private static String string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
    }

}
