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
        copy(report, out, "time");
        copy(report, out, "kind");
        copy(report, out, "title");
        copy(report, out, "app");
        copy(report, out, "thread");
        copy(report, out, "system");
        copy(report, out, "user");
        copy(report, out, "origin");
        JsonObject exception = object(report, "exception");
        if (exception != null) {
            out.add("exception", chain(exception, classifier));
        }
        JsonElement logs = report.get("logs");
        if (logs != null && logs.isJsonArray()) {
            JsonArray all = logs.getAsJsonArray();
            JsonArray tail = new JsonArray();
            for (int i = Math.max(0, all.size() - LOG_LINES); i < all.size(); i++) {
                tail.add(all.get(i));
            }
            out.add("logs", tail);
            out.addProperty("logCount", all.size());
        }
        return out;
    }

    /** The cause chain flattened into a list, outermost first; suppressed ones stay nested. */
    private static JsonArray chain(JsonObject exception, FrameClassifier classifier) {
        JsonArray list = new JsonArray();
        JsonObject e = exception;
        while (e != null && list.size() < MAX_CHAIN) {
            JsonObject item = new JsonObject();
            copy(e, item, "type");
            copy(e, item, "message");
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
            JsonObject frame = f.getAsJsonObject().deepCopy();
            frame.addProperty("origin", classifier.classify(string(frame, "class"), string(frame, "module"), string(frame, "jar")));
            out.add(frame);
        }
        return out;
    }

    private static JsonObject object(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonObject() ? e.getAsJsonObject() : null;
    }

    private static String string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
    }

    private static void copy(JsonObject from, JsonObject to, String key) {
        JsonElement e = from.get(key);
        if (e != null && !e.isJsonNull()) {
            to.add(key, e);
        }
    }
}
