package dev.mayday.collector.http;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.mayday.collector.group.GroupQuery;
import dev.mayday.collector.group.GroupSummary;
import dev.mayday.collector.group.ReportDigest;
import dev.mayday.collector.group.ReportSummary;
import dev.mayday.collector.store.ReportStore;
import dev.mayday.collector.store.StoreException;

import com.google.gson.stream.JsonWriter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /api/groups} (ranked, filters {@code app}, {@code version}, {@code kind},
 * {@code limit}) and {@code GET /api/groups/{signature}} (the group, its newest reports, the
 * user comments and a digest of the newest report).
 */
final class GroupsHandler implements HttpHandler {

    static final int NEWEST_REPORTS = 20;

    private final ReportStore store;

    GroupsHandler(ReportStore store) {
        this.store = store;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        if (!"GET".equals(ex.getRequestMethod())) {
            Exchanges.error(ex, 405, "use GET");
            return;
        }
        String signature = Exchanges.rest(ex, "/api/groups");
        try {
            if (signature.isEmpty()) {
                list(ex);
            } else {
                one(ex, signature);
            }
        } catch (StoreException e) {
            Exchanges.error(ex, 503, "database unavailable: " + e.getMessage());
        }
    }

    private void list(HttpExchange ex) throws IOException, StoreException {
        Map<String, String> q = query(ex.getRequestURI().getRawQuery());
        int limit = GroupQuery.DEFAULT_LIMIT;
        if (q.containsKey("limit")) {
            try {
                limit = Integer.parseInt(q.get("limit"));
            } catch (NumberFormatException e) {
                Exchanges.error(ex, 400, "limit must be a whole number");
                return;
            }
        }
        List<GroupSummary> groups = store.groups(new GroupQuery(q.get("app"), q.get("version"), q.get("kind"), limit));
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(200, 0);
        try (JsonWriter w = new JsonWriter(new BufferedWriter(
                new OutputStreamWriter(ex.getResponseBody(), StandardCharsets.UTF_8), 65536))) {
            w.setSerializeNulls(true);
            w.setHtmlSafe(false);
            w.beginArray();
            for (GroupSummary g : groups) {
                JsonViews.writeGroup(w, g);
            }
            w.endArray();
        }
    }

    private void one(HttpExchange ex, String signature) throws IOException, StoreException {
        Optional<GroupSummary> group = store.group(signature);
        if (group.isEmpty()) {
            Exchanges.error(ex, 404, "no group with signature " + signature);
            return;
        }
        JsonObject out = JsonViews.group(group.get());
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
        Exchanges.json(ex, 200, out);
    }

    static Map<String, String> query(String raw) {
        Map<String, String> map = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return map;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (!v.isEmpty()) {
                map.put(k, v);
            }
        }
        return map;
    }
}
