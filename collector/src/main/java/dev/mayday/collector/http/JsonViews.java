package dev.mayday.collector.http;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.mayday.collector.group.GroupSummary;
import dev.mayday.collector.group.ReportSummary;
import dev.mayday.collector.group.VersionCount;

import com.google.gson.stream.JsonWriter;

import java.io.IOException;
import java.time.Instant;

/** The API's JSON shapes; times are ISO-8601 UTC strings like the report's own. */
final class JsonViews {

    private JsonViews() {
    }

    static JsonObject group(GroupSummary g, java.util.List<VersionCount> shown) {
        JsonObject o = new JsonObject();
        o.addProperty("signature", g.signature());
        o.addProperty("title", g.title());
        o.addProperty("app", g.app());
        o.addProperty("kind", g.kind());
        o.addProperty("count", g.count());
        o.addProperty("repeats", g.repeats());
        o.addProperty("firstSeen", iso(g.firstSeenMs()));
        o.addProperty("lastSeen", iso(g.lastSeenMs()));
        JsonArray versions = new JsonArray();
        for (VersionCount v : shown) {
            JsonObject vo = new JsonObject();
            vo.addProperty("version", v.version());
            vo.addProperty("count", v.count());
            vo.addProperty("firstSeen", iso(v.firstSeenMs()));
            vo.addProperty("lastSeen", iso(v.lastSeenMs()));
            versions.add(vo);
        }
        o.add("versions", versions);
        o.addProperty("versionCount", g.versions().size());
        o.addProperty("machines", g.machines());
        return o;
    }

    /** The same shape as {@link #group}, written straight to a stream: no tree for long lists. */
    static void writeGroup(JsonWriter w, java.util.List<VersionCount> shown, GroupSummary g) throws IOException {
        w.beginObject();
        w.name("signature").value(g.signature());
        w.name("title").value(g.title());
        w.name("app").value(g.app());
        w.name("kind").value(g.kind());
        w.name("count").value(g.count());
        w.name("repeats").value(g.repeats());
        w.name("firstSeen").value(iso(g.firstSeenMs()));
        w.name("lastSeen").value(iso(g.lastSeenMs()));
        w.name("versions").beginArray();
        for (VersionCount v : shown) {
            w.beginObject();
            w.name("version").value(v.version());
            w.name("count").value(v.count());
            w.name("firstSeen").value(iso(v.firstSeenMs()));
            w.name("lastSeen").value(iso(v.lastSeenMs()));
            w.endObject();
        }
        w.endArray();
        w.name("versionCount").value(g.versions().size());
        w.name("machines").value(g.machines());
        w.endObject();
    }

    static JsonObject report(ReportSummary r) {
        JsonObject o = new JsonObject();
        o.addProperty("id", r.id());
        o.addProperty("time", iso(r.timeMs()));
        o.addProperty("received", iso(r.receivedMs()));
        o.addProperty("kind", r.kind());
        o.addProperty("version", r.version());
        o.addProperty("machineId", r.machineId());
        if (r.comment() != null) {
            o.addProperty("comment", r.comment());
        }
        return o;
    }

    static String iso(long ms) {
        return Instant.ofEpochMilli(ms).toString();
    }
}
