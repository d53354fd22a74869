package dev.mayday.collector.group;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The team's corrections to grouping, for signatures that are still wrong: a <em>merge</em> sends
 * every report of one group to another (Sentry's merge), a <em>split</em> takes the reports of a
 * group whose exception text (a message or a frame) contains some text into a group of their own.
 * The rules are kept, and every later report goes where they say: splits of a group first, then
 * its merge, until a group no rule moves.
 */
public final class GroupRules {

    /** A split: reports of {@code group} whose exception contains {@code contains} go to {@code target}. */
    public record Split(String group, String contains, String target, String title) {
    }

    private static final int MAX_HOPS = 16;
    private static final int MAX_CHAIN = 20;

    public static final GroupRules NONE = new GroupRules(Map.of(), Map.of());

    private final Map<String, String> merges;
    private final Map<String, List<Split>> splits;

    /**
     * @param merges group merged away, to the group it went into
     * @param splits by the group they split, oldest first
     */
    public GroupRules(Map<String, String> merges, Map<String, List<Split>> splits) {
        this.merges = Map.copyOf(merges);
        this.splits = Map.copyOf(splits);
    }

    /** The title a split's group is created with, or null when {@code group} is no split's. */
    public String splitTitle(String group) {
        for (List<Split> list : splits.values()) {
            for (Split s : list) {
                if (s.target().equals(group)) {
                    return s.title();
                }
            }
        }
        return null;
    }

    public boolean isEmpty() {
        return merges.isEmpty() && splits.isEmpty();
    }

    public Map<String, String> merges() {
        return merges;
    }

    public List<Split> splits() {
        List<Split> all = new ArrayList<>();
        splits.values().forEach(all::addAll);
        return all;
    }

    /** Where the merges take {@code group} (itself when it is not merged away). */
    public String mergedTarget(String group) {
        String at = group;
        Set<String> seen = new HashSet<>();
        while (merges.containsKey(at) && seen.add(at) && seen.size() < MAX_HOPS) {
            at = merges.get(at);
        }
        return at;
    }

    /** The split that takes this report out of {@code group}, or null. */
    public Split splitFor(String group, Exceptions text) {
        List<Split> list = splits.get(group);
        if (list == null) {
            return null;
        }
        for (Split s : list) {
            if (text.containsText(s.contains())) {
                return s;
            }
        }
        return null;
    }

    /**
     * The group a report of this signature belongs to. {@code body} is read only when a split
     * applies to a group on the way.
     */
    public String groupOf(String signature, byte[] body) {
        if (isEmpty()) {
            return signature;
        }
        String at = signature;
        Exceptions text = null;
        Set<String> seen = new HashSet<>();
        while (seen.add(at) && seen.size() < MAX_HOPS) {
            String next = null;
            if (splits.containsKey(at)) {
                if (text == null) {
                    text = Exceptions.of(body);
                }
                Split s = splitFor(at, text);
                next = s == null ? null : s.target();
            }
            if (next == null) {
                next = merges.get(at);
            }
            if (next == null) {
                break;
            }
            at = next;
        }
        return at;
    }

    /** The text of a report's exception chain a split looks in: types, messages, frames' class.method. */
    public static final class Exceptions {
        private final List<String> parts;

        private Exceptions(List<String> parts) {
            this.parts = parts;
        }

        public boolean containsText(String needle) {
            for (String p : parts) {
                if (p.contains(needle)) {
                    return true;
                }
            }
            return false;
        }

        public static Exceptions of(byte[] body) {
            List<String> parts = new ArrayList<>();
            try {
                JsonObject report = JsonParser.parseString(new String(body, StandardCharsets.UTF_8)).getAsJsonObject();
                add(parts, report.get("title"));
                JsonElement e = report.get("exception");
                for (int depth = 0; e != null && e.isJsonObject() && depth < MAX_CHAIN; depth++) {
                    JsonObject ex = e.getAsJsonObject();
                    add(parts, ex.get("type"));
                    add(parts, ex.get("message"));
                    JsonElement frames = ex.get("frames");
                    if (frames != null && frames.isJsonArray()) {
                        for (JsonElement f : (JsonArray) frames) {
                            if (f.isJsonObject() && f.getAsJsonObject().has("class")) {
                                JsonObject fo = f.getAsJsonObject();
                                parts.add(str(fo.get("class")) + "." + str(fo.get("method")));
                            }
                        }
                    }
                    e = ex.get("cause");
                }
            } catch (RuntimeException ignored) {
                // a body the parser took is JSON; anything odd inside just matches nothing
            }
            return new Exceptions(parts);
        }

        private static void add(List<String> parts, JsonElement e) {
            if (e != null && e.isJsonPrimitive()) {
                parts.add(e.getAsString());
            }
        }

        private static String str(JsonElement e) {
            return e != null && e.isJsonPrimitive() ? e.getAsString() : "";
        }
    }
}
