package dev.mayday.collector.http;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.stream.JsonWriter;
import dev.mayday.collector.group.GroupQuery;
import dev.mayday.collector.group.GroupSummary;
import dev.mayday.collector.group.ReportDigest;
import dev.mayday.collector.group.ReportSummary;
import dev.mayday.collector.group.VersionCount;
import dev.mayday.collector.store.ReportStore;
import dev.mayday.collector.store.StoreException;
import org.eclipse.jetty.util.Fields;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /api/groups} (ranked, filters {@code app}, {@code version}, {@code kind},
 * {@code limit}; each group's {@code versions} are its newest {@link #LIST_VERSIONS}) and
 * {@code GET /api/groups/{signature}} (the group with every version, paged by
 * {@code versionsFrom}/{@code versionsLimit}, the newest page by default; its newest reports, the user comments and a digest
 * of the newest report).
 */
final class GroupsEndpoint implements Endpoint {

    static final int NEWEST_REPORTS = 20;
    /** Versions per group in the list: a group seen in thousands of builds keeps the list small. */
    static final int LIST_VERSIONS = 20;
    static final int PAGE_VERSIONS = 1000;

    private final ReportStore store;

    GroupsEndpoint(ReportStore store) {
        this.store = store;
    }

    @Override
    public void handle(Exchange ex) throws IOException {
        try {
            if (ex.rest().isEmpty()) {
                list(ex);
            } else {
                one(ex, ex.rest());
            }
        } catch (StoreException e) {
            ex.error(503, "database unavailable: " + e.getMessage());
        }
    }

    private void list(Exchange ex) throws IOException, StoreException {
        Fields q = ex.query();
        Integer limit = number(ex, q, "limit", GroupQuery.DEFAULT_LIMIT);
        if (limit == null) {
            return;
        }
        List<GroupSummary> groups = store.groups(new GroupQuery(value(q, "app"), value(q, "version"), value(q, "kind"), limit));
        StringWriter text = new StringWriter(groups.size() * 400 + 16);
        try (JsonWriter w = new JsonWriter(text)) {
            w.setSerializeNulls(true);
            w.setHtmlSafe(false);
            w.beginArray();
            for (GroupSummary g : groups) {
                JsonViews.writeGroup(w, newest(g.versions(), LIST_VERSIONS), g);
            }
            w.endArray();
        }
        ex.bytes(200, "application/json; charset=utf-8", text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private void one(Exchange ex, String signature) throws StoreException {
        Fields q = ex.query();
        Integer from = number(ex, q, "versionsFrom", -1);
        Integer size = from == null ? null : number(ex, q, "versionsLimit", PAGE_VERSIONS);
        if (size == null) {
            return;
        }
        Optional<GroupSummary> group = store.group(signature);
        if (group.isEmpty()) {
            ex.error(404, "no group with signature " + signature);
            return;
        }
        GroupSummary g = group.get();
        List<VersionCount> all = g.versions();
        int page = Math.max(1, Math.min(size, PAGE_VERSIONS));
        // without versionsFrom: the newest page (versions are kept oldest first)
        int start = from < 0 ? Math.max(0, all.size() - page) : Math.min(from, all.size());
        int end = Math.min(all.size(), start + page);
        JsonObject out = JsonViews.group(g, all.subList(start, end));
        out.addProperty("versionsFrom", start);
        List<ReportSummary> newest = store.newestReports(signature, NEWEST_REPORTS, false);
        JsonArray reports = new JsonArray();
        newest.forEach(r -> reports.add(JsonViews.report(r)));
        out.add("reports", reports);
        JsonArray comments = new JsonArray();
        store.newestReports(signature, NEWEST_REPORTS, true).forEach(r -> comments.add(JsonViews.report(r)));
        out.add("comments", comments);
        if (!newest.isEmpty()) {
            String id = newest.get(0).id();
            store.reportBody(id).ifPresent(body -> out.add("latest", ReportDigest.of(id, body)));
        }
        ex.json(200, out);
    }

    /** The newest {@code n} versions (by first seen), still oldest first. */
    static List<VersionCount> newest(List<VersionCount> versions, int n) {
        return versions.size() <= n ? versions : versions.subList(versions.size() - n, versions.size());
    }

    private static String value(Fields q, String name) {
        String v = q.getValue(name);
        return v == null || v.isEmpty() ? null : v;
    }

    /** The number, the default when absent, or null after answering 400. */
    private static Integer number(Exchange ex, Fields q, String name, int dflt) {
        String v = value(q, name);
        if (v == null) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            ex.error(400, name + " must be a whole number of at least 0");
            return null;
        }
    }
}
