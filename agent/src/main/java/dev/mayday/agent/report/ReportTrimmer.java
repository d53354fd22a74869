package dev.mayday.agent.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.Map;

/**
 * Keeps every report under the size limit whatever the program looks like (10,000 threads,
 * megabyte messages). Cuts in stages, least useful first: other threads' frames, other threads,
 * long strings, old log lines, properties and environment, finally every thread. Each cut is
 * recorded in the report's {@code truncated} list, so a reader knows what is missing.
 */
public final class ReportTrimmer {

    /** 1 MiB, the size no report may exceed. */
    public static final int MAX_BYTES = 1024 * 1024;
    // Room left for the "truncated" notes themselves.
    private static final int TARGET_BYTES = MAX_BYTES - 16 * 1024;

    private ReportTrimmer() {
    }

    /** The report as JSON text of at most {@link #MAX_BYTES} bytes in UTF-8. */
    public static byte[] fit(JsonObject report) {
        byte[] bytes = toBytes(report);
        if (bytes.length <= TARGET_BYTES) {
            return bytes;
        }
        JsonArray notes = arrayOrNull(report, "truncated"); // sections the builder left out
        if (notes == null) {
            notes = new JsonArray();
            report.add("truncated", notes);
        }
        JsonArray threads = arrayOrNull(report, "threads");

        if (threads != null && cutOtherThreadFrames(threads, 8)) {
            notes.add("threads: other threads' frames cut to 8 each");
            if ((bytes = toBytes(report)).length <= TARGET_BYTES) {
                return bytes;
            }
        }
        if (threads != null && cutOtherThreadFrames(threads, 0)) {
            notes.add("threads: other threads' frames removed");
            if ((bytes = toBytes(report)).length <= TARGET_BYTES) {
                return bytes;
            }
        }
        if (threads != null && threads.size() > 200) {
            int before = threads.size();
            while (threads.size() > 200) {
                threads.remove(threads.size() - 1);
            }
            notes.add("threads: " + before + " threads, the first 200 kept");
            if ((bytes = toBytes(report)).length <= TARGET_BYTES) {
                return bytes;
            }
        }
        int cut = cutLongStrings(report, 1024);
        if (cut > 0) {
            notes.add("strings: " + cut + " strings longer than 1024 characters cut");
            if ((bytes = toBytes(report)).length <= TARGET_BYTES) {
                return bytes;
            }
        }
        JsonArray logs = arrayOrNull(report, "logs");
        LogRecords records = report.get("logs") instanceof LogRecords ? (LogRecords) report.get("logs") : null;
        int logCount = logs != null ? logs.size() : records != null ? records.size() : 0;
        if (logCount > 100) {
            while (logs != null && logs.size() > 100) {
                logs.remove(0);
            }
            if (records != null) {
                records.keepNewest(100);
            }
            notes.add("logs: " + logCount + " records, the newest 100 kept");
            if ((bytes = toBytes(report)).length <= TARGET_BYTES) {
                return bytes;
            }
        }
        report.remove("properties");
        report.remove("environment");
        notes.add("properties, environment: removed");
        if ((bytes = toBytes(report)).length <= TARGET_BYTES) {
            return bytes;
        }
        report.remove("threads");
        report.remove("logs");
        notes.add("threads, logs: removed");
        if ((bytes = toBytes(report)).length <= TARGET_BYTES) {
            return bytes;
        }
        // Still too big: an exception tree of absurd width. Keep the top of the failure only.
        JsonObject exception = report.getAsJsonObject("exception");
        report.remove("exception");
        JsonObject top = new JsonObject();
        if (exception != null) {
            copy(exception, top, "type");
            copy(exception, top, "message");
            JsonArray frames = arrayOrNull(exception, "frames");
            JsonArray kept = new JsonArray();
            for (int i = 0; frames != null && i < frames.size() && i < 64; i++) {
                kept.add(frames.get(i));
            }
            top.add("frames", kept);
        }
        report.add("exception", top);
        notes.add("exception: only the outermost exception and its first 64 frames kept");
        return toBytes(report);
    }

    static byte[] toBytes(JsonElement json) {
        return JsonText.bytes(json);
    }

    private static boolean cutOtherThreadFrames(JsonArray threads, int keep) {
        boolean changed = false;
        for (JsonElement e : threads) {
            JsonObject t = e.getAsJsonObject();
            if (t.has("failing")) {
                continue;
            }
            JsonArray frames = arrayOrNull(t, "frames");
            if (frames != null && frames.size() > keep) {
                int omitted = frames.size() - keep;
                while (frames.size() > keep) {
                    frames.remove(frames.size() - 1);
                }
                int before = t.has("framesOmitted") ? t.get("framesOmitted").getAsInt() : 0;
                t.addProperty("framesOmitted", before + omitted);
                changed = true;
            }
        }
        return changed;
    }

    /** Cuts every string value longer than {@code max} characters, anywhere in the tree. */
    static int cutLongStrings(JsonElement element, int max) {
        int cut = 0;
        if (element instanceof LogRecords) {
            return ((LogRecords) element).cutLongStrings(max);
        }
        if (element.isJsonObject()) {
            for (Map.Entry<String, JsonElement> e : element.getAsJsonObject().entrySet()) {
                JsonElement v = e.getValue();
                if (isLongString(v, max)) {
                    e.setValue(new JsonPrimitive(cut(v.getAsString(), max)));
                    cut++;
                } else {
                    cut += cutLongStrings(v, max);
                }
            }
        } else if (element.isJsonArray()) {
            JsonArray array = element.getAsJsonArray();
            for (int i = 0; i < array.size(); i++) {
                JsonElement v = array.get(i);
                if (isLongString(v, max)) {
                    array.set(i, new JsonPrimitive(cut(v.getAsString(), max)));
                    cut++;
                } else {
                    cut += cutLongStrings(v, max);
                }
            }
        }
        return cut;
    }

    /** The first {@code max} characters and an ellipsis. */
    static String cut(String s, int max) {
        return s.substring(0, max) + "…";
    }

    private static boolean isLongString(JsonElement v, int max) {
        return v.isJsonPrimitive() && v.getAsJsonPrimitive().isString() && v.getAsString().length() > max;
    }

    private static JsonArray arrayOrNull(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonArray() ? e.getAsJsonArray() : null;
    }

    private static void copy(JsonObject from, JsonObject to, String key) {
        if (from.has(key)) {
            to.add(key, from.get(key));
        }
    }
}
