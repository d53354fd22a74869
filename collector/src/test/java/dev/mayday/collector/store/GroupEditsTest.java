package dev.mayday.collector.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.mayday.collector.group.GroupQuery;
import dev.mayday.collector.group.GroupSummary;
import dev.mayday.collector.group.VersionCount;
import dev.mayday.collector.ingest.Report;
import dev.mayday.collector.ingest.ReportParser;
import dev.mayday.collector.support.Postgres;
import dev.mayday.collector.support.Reports;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Merging and splitting groups where a signature is still wrong, and the repeats the agents'
 * {@code quiet} held back: the totals move with the reports, and later reports follow the rules.
 */
class GroupEditsTest {

    @TempDir
    Path dir;

    private static Report report(String id, String signature, String version, String machine, String message) throws Exception {
        JsonObject r = Reports.of(id, signature, "shop", version, machine, null);
        JsonObject e = new JsonObject();
        e.addProperty("type", "java.lang.IllegalStateException");
        e.addProperty("message", message);
        JsonArray frames = new JsonArray();
        JsonObject f = new JsonObject();
        f.addProperty("class", "acme.Shop");
        f.addProperty("method", "checkout");
        frames.add(f);
        e.add("frames", frames);
        r.add("exception", e);
        return new ReportParser().parse(r.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static Report repeatsRecord(String id, String signature, long repeats) throws Exception {
        JsonObject r = Reports.of(id, signature, "shop", "1.0", "m1", null);
        r.addProperty("kind", "repeats");
        r.addProperty("repeats", repeats);
        return new ReportParser().parse(r.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static GroupSummary group(ReportStore store, String signature) throws Exception {
        return store.group(signature).orElseThrow(() -> new AssertionError("no group " + signature));
    }

    @Test
    void sqlite() throws Exception {
        try (JdbcReportStore store = JdbcReportStore.open(dir.resolve("edits.db").toString())) {
            exercise(store);
        }
    }

    @Test
    void postgres() throws Exception {
        try (Postgres pg = Postgres.freshSchema(); JdbcReportStore store = JdbcReportStore.open(pg.url)) {
            exercise(store);
        }
    }

    private static void exercise(ReportStore store) throws Exception {
        store.insert(List.of(report("a1", "sig-a", "1.0", "m1", "order 1 failed"),
                report("a2", "sig-a", "1.1", "m2", "order 2 failed"),
                report("b1", "sig-b", "1.1", "m2", "stock 3 failed"),
                report("b2", "sig-b", "1.2", "m3", "ledger closed")));
        // the held-back repeats: one inside a report, one as the record written when a JVM ended
        store.insert(List.of(repeatsRecord("r1", "sig-a", 5)));
        assertEquals(2, group(store, "sig-a").count(), "a repeats record is no report");
        assertEquals(5, group(store, "sig-a").repeats());
        assertEquals(2, store.newestReports("sig-a", 10, false).size(), "nor shown as one");

        // merge b into a: counts, versions and machines move; b is gone
        assertEquals("sig-a", store.merge("sig-b", "sig-a"));
        GroupSummary a = group(store, "sig-a");
        assertEquals(4, a.count());
        assertEquals(5, a.repeats());
        assertEquals(3, a.machines());
        assertEquals(List.of("1.0:1", "1.1:2", "1.2:1"),
                a.versions().stream().map(v -> v.version() + ":" + v.count()).collect(Collectors.toList()));
        assertTrue(store.group("sig-b").isEmpty());
        assertEquals(4, store.newestReports("sig-a", 10, false).size());
        // ...and stays merged for later reports
        store.insert(List.of(report("b3", "sig-b", "1.2", "m4", "stock 9 failed")));
        assertEquals(5, group(store, "sig-a").count());
        assertTrue(store.group("sig-b").isEmpty());
        assertEquals(4, group(store, "sig-a").machines());

        // split the ledger failures out: the ones stored move, later ones follow
        String ledger = store.split("sig-a", "ledger");
        assertTrue(ledger.startsWith("sig-a:"), ledger);
        assertEquals(1, group(store, ledger).count());
        assertEquals(4, group(store, "sig-a").count());
        assertEquals("NullPointerException in acme.Game.tick [ledger]", group(store, ledger).title());
        store.insert(List.of(report("b4", "sig-b", "1.3", "m5", "ledger closed again"),
                report("a3", "sig-a", "1.3", "m5", "ledger gone")));
        assertEquals(3, group(store, ledger).count());
        assertEquals(4, group(store, "sig-a").count());
        assertEquals(List.of("1.2", "1.3"), group(store, ledger).versions().stream().map(VersionCount::version)
                .collect(Collectors.toList()));
        // both show in the ranking
        List<String> ranked = store.groups(new GroupQuery(null, null, null, 10)).stream().map(GroupSummary::signature)
                .collect(Collectors.toList());
        assertEquals(List.of("sig-a", ledger), ranked);
        assertEquals(1, store.rules().merges().size());
        assertEquals(1, store.rules().splits().size());

        // a merged-away group's chain is followed: merge the split group back into another new group
        store.insert(List.of(report("c1", "sig-c", "2.0", "m6", "other")));
        store.merge("sig-a", "sig-c");
        assertEquals(5, group(store, "sig-c").count());
        assertEquals(5, group(store, "sig-c").repeats());
        store.insert(List.of(report("b5", "sig-b", "2.0", "m6", "stock")));
        assertEquals(6, group(store, "sig-c").count(), "b went to a, a went to c");

        assertThrows(NoSuchElementException.class, () -> store.merge("sig-x", "sig-c"));
        assertThrows(NoSuchElementException.class, () -> store.split("sig-x", "y"));
        assertThrows(IllegalArgumentException.class, () -> store.merge("sig-c", "sig-c"));
        assertThrows(IllegalArgumentException.class, () -> store.split("sig-c", " "));
        assertEquals(6, group(store, "sig-c").count(), "a refused edit changes nothing");
    }

    @Test
    void aReportsOwnRepeatsAddToTheGroupAndBadValuesAreRefused() throws Exception {
        try (JdbcReportStore store = JdbcReportStore.open(dir.resolve("repeats.db").toString())) {
            JsonObject r = Reports.of("x1", "sig-x", "shop", "1.0", "m1", null);
            r.addProperty("repeats", 7);
            store.insert(List.of(new ReportParser().parse(r.toString().getBytes(StandardCharsets.UTF_8))));
            assertEquals(7, group(store, "sig-x").repeats());
            assertEquals(1, group(store, "sig-x").count());
        }
        JsonObject bad = Reports.minimal("y1", "sig-y");
        bad.addProperty("repeats", -1);
        assertThrows(dev.mayday.collector.ingest.InvalidReportException.class,
                () -> new ReportParser().parse(bad.toString().getBytes(StandardCharsets.UTF_8)));
        bad.addProperty("repeats", "many");
        assertThrows(dev.mayday.collector.ingest.InvalidReportException.class,
                () -> new ReportParser().parse(bad.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
