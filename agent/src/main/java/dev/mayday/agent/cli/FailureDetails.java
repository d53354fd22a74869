package dev.mayday.agent.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sections of {@code show} for the kinds that carry more than an exception (issue 10): a
 * stall's duration and where its samples found the thread, a deadlock's threads and locks, what
 * ran out in an out-of-memory report, and what a JVM's fatal error file said.
 */
final class FailureDetails {

    private FailureDetails() {
    }

    static void print(JsonObject r, PrintStream out) {
        if (r.get("stall") instanceof JsonObject) {
            stall(r.getAsJsonObject("stall"), out);
        }
        if (r.get("deadlock") instanceof JsonObject) {
            deadlock(r.getAsJsonObject("deadlock"), out);
        }
        if (r.get("oom") instanceof JsonObject) {
            oom(r.getAsJsonObject("oom"), out);
        }
        if (r.get("fatal") instanceof JsonObject) {
            fatal(r.getAsJsonObject("fatal"), out);
        }
    }

    private static void stall(JsonObject stall, PrintStream out) {
        JsonArray samples = arr(stall, "samples");
        out.println("Stall: " + seconds(num(stall, "durationMs")) + (bool(stall, "ended") ? ", then the loop went on"
                : ", still stalled when last written") + " (limit " + num(stall, "limitSeconds") + " s), "
                + samples.size() + " sample(s) of its stack:");
        Map<String, Integer> tops = new LinkedHashMap<String, Integer>();
        for (JsonElement e : samples) {
            JsonArray frames = arr(e.getAsJsonObject(), "frames");
            String top = frames.size() == 0 ? "(no frames)" : Text.safe(frames.get(0).getAsString());
            tops.merge(top, 1, Integer::sum);
        }
        for (Map.Entry<String, Integer> t : tops.entrySet()) {
            out.println("  " + t.getValue() + " x  " + t.getKey());
        }
        out.println();
    }

    private static void deadlock(JsonObject deadlock, PrintStream out) {
        JsonArray threads = arr(deadlock, "threads");
        out.println("Deadlock of " + threads.size() + " threads:");
        for (JsonElement e : threads) {
            JsonObject t = e.getAsJsonObject();
            out.println("  \"" + str(t, "name") + "\" waits for " + str(t, "waitingFor") + " held by \"" + str(t, "heldBy")
                    + "\"; holds " + join(arr(t, "holds")));
            JsonArray frames = arr(t, "frames");
            for (int i = 0; i < frames.size() && i < 4; i++) {
                out.println("      at " + Text.safe(frames.get(i).getAsString()));
            }
        }
        out.println();
    }

    private static void oom(JsonObject oom, PrintStream out) {
        out.println("Out of memory: " + str(oom, "kind") + (oom.has("message") ? " (" + str(oom, "message") + ")" : ""));
        for (JsonElement e : arr(oom, "pools")) {
            JsonObject p = e.getAsJsonObject();
            out.println("  " + str(p, "type") + " " + str(p, "name") + ": " + mib(num(p, "used")) + " used of "
                    + (num(p, "max") < 0 ? "no limit" : mib(num(p, "max"))));
        }
        JsonArray classes = arr(oom, "largestClasses");
        if (classes.size() > 0) {
            out.println("  Most instances:");
            for (JsonElement e : classes) {
                JsonObject c = e.getAsJsonObject();
                out.println("    " + num(c, "instances") + "  " + str(c, "class") + " (" + mib(num(c, "bytes")) + ")");
            }
        } else if (oom.has("histogram")) {
            out.println("  Histogram " + str(oom, "histogram"));
        }
        out.println();
    }

    private static void fatal(JsonObject fatal, PrintStream out) {
        out.println("JVM fatal error (" + str(fatal, "file") + "): " + str(fatal, "signal"));
        out.println("  Problematic frame: " + str(fatal, "problematicFrame"));
        out.println("  JVM: " + str(fatal, "jreVersion") + ", " + str(fatal, "javaVm"));
        out.println("  Command: " + str(fatal, "javaCommand"));
        out.println("  The error file is in the report (" + num(fatal, "logBytes") + " bytes"
                + (bool(fatal, "logCut") ? ", cut" : "") + ").");
        out.println();
    }

    private static String join(JsonArray a) {
        StringBuilder s = new StringBuilder();
        for (JsonElement e : a) {
            s.append(s.length() == 0 ? "" : ", ").append(Text.safe(e.getAsString()));
        }
        return s.length() == 0 ? "nothing" : s.toString();
    }

    private static String seconds(long millis) {
        return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private static String mib(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
    }

    private static String str(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? "?" : Text.safe(e.isJsonPrimitive() ? e.getAsString() : e.toString());
    }

    private static long num(JsonObject o, String key) {
        try {
            return o.get(key).getAsLong();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private static boolean bool(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonPrimitive() && e.getAsBoolean();
    }

    private static JsonArray arr(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e instanceof JsonArray ? (JsonArray) e : new JsonArray();
    }

    /** A report is untrusted input: no control characters reach the terminal. */
    static final class Text {
        private Text() {
        }

        static String safe(String s) {
            StringBuilder b = new StringBuilder(s.length());
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                b.append(Character.isISOControl(c) ? '?' : c);
            }
            return b.toString();
        }
    }
}
