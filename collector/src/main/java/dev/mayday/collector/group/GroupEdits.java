package dev.mayday.collector.group;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.mayday.collector.store.ReportStore;
import dev.mayday.collector.store.StoreException;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The API of group merges and splits, free of any HTTP server's types so that whichever server
 * the collector runs can route to it: {@code GET /api/group-edits} lists the rules,
 * {@code POST /api/group-edits/merge} {@code {"from":SIG,"into":SIG}} merges,
 * {@code POST /api/group-edits/split} {@code {"group":SIG,"contains":TEXT}} splits.
 * Both are for the dashboard's reader (read token or session), never for an ingest key.
 */
public final class GroupEdits {

    public static final String PATH = "/api/group-edits";
    /** A rule's request is a few short strings. */
    public static final int MAX_BODY = 4096;

    /** What to answer: a status and a JSON body. */
    public record Answer(int status, JsonObject body) {
        static Answer error(int status, String message) {
            JsonObject o = new JsonObject();
            o.addProperty("error", message);
            return new Answer(status, o);
        }
    }

    private final ReportStore store;

    public GroupEdits(ReportStore store) {
        this.store = store;
    }

    /**
     * @param action the path after {@link #PATH}: "" (list), "merge" or "split"
     * @param contentType the request's Content-Type; JSON is required for changes, so a
     *                    cross-site form (which cannot send it without asking) cannot change groups
     */
    public Answer handle(String method, String action, String contentType, byte[] body) {
        try {
            if (action.isEmpty()) {
                return "GET".equals(method) ? new Answer(200, list()) : Answer.error(405, "use GET");
            }
            if (!action.equals("merge") && !action.equals("split")) {
                return Answer.error(404, "no such edit: " + action + " (merge or split)");
            }
            if (!"POST".equals(method)) {
                return Answer.error(405, "use POST");
            }
            if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
                return Answer.error(415, "send the edit as application/json");
            }
            if (body.length > MAX_BODY) {
                return Answer.error(413, "an edit is at most " + MAX_BODY + " bytes");
            }
            JsonObject in = parse(body);
            if (in == null) {
                return Answer.error(400, "the body must be a JSON object");
            }
            JsonObject out = new JsonObject();
            if (action.equals("merge")) {
                String from = text(in, "from");
                String into = text(in, "into");
                if (from == null || into == null) {
                    return Answer.error(400, "a merge needs \"from\" and \"into\" (signatures)");
                }
                out.addProperty("group", store.merge(from, into));
                return new Answer(200, out);
            }
            String group = text(in, "group");
            String contains = text(in, "contains");
            if (group == null || contains == null) {
                return Answer.error(400, "a split needs \"group\" (a signature) and \"contains\" (text)");
            }
            out.addProperty("group", store.split(group, contains));
            return new Answer(201, out);
        } catch (NoSuchElementException e) {
            return Answer.error(404, e.getMessage());
        } catch (IllegalArgumentException e) {
            return Answer.error(400, e.getMessage());
        } catch (StoreException e) {
            return Answer.error(503, "database unavailable: " + e.getMessage());
        }
    }

    private JsonObject list() throws StoreException {
        GroupRules rules = store.rules();
        JsonObject out = new JsonObject();
        JsonArray merges = new JsonArray();
        for (Map.Entry<String, String> m : new java.util.TreeMap<>(rules.merges()).entrySet()) {
            JsonObject o = new JsonObject();
            o.addProperty("from", m.getKey());
            o.addProperty("into", m.getValue());
            merges.add(o);
        }
        out.add("merges", merges);
        JsonArray splits = new JsonArray();
        for (GroupRules.Split s : rules.splits()) {
            JsonObject o = new JsonObject();
            o.addProperty("group", s.group());
            o.addProperty("contains", s.contains());
            o.addProperty("into", s.target());
            o.addProperty("title", s.title());
            splits.add(o);
        }
        out.add("splits", splits);
        return out;
    }

    private static JsonObject parse(byte[] body) {
        try {
            JsonElement e = JsonParser.parseString(new String(body, StandardCharsets.UTF_8));
            return e.isJsonObject() ? e.getAsJsonObject() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String text(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            return null;
        }
        String s = e.getAsString();
        return s.isEmpty() || s.length() > 1000 ? null : s;
    }
}
