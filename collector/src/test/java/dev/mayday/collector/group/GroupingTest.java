package dev.mayday.collector.group;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.mayday.collector.support.Reports;
import dev.mayday.collector.support.RunningCollector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Grouping by signature and ranking, as the API shows it. */
class GroupingTest {

    @Test
    void groupsAreRankedWithVersionsMachinesAndTimes(@TempDir Path dir) throws Exception {
        try (RunningCollector c = RunningCollector.start(dir)) {
            // sig-a: 3 reports, versions 1.0 x2 and 1.1 x1, machines m1, m2
            post(c, Reports.of("a1", "sig-a", "game", "1.0", "m1", null), "2026-11-20T10:00:00Z");
            post(c, Reports.of("a2", "sig-a", "game", "1.0", "m1", "it froze first"), "2026-11-21T10:00:00Z");
            post(c, Reports.of("a3", "sig-a", "game", "1.1", "m2", null), "2026-11-19T10:00:00Z");
            // sig-b: 1 report, another app and kind
            JsonObject b = Reports.of("b1", "sig-b", "editor", "3.0", "m3", null);
            b.addProperty("kind", "hang");
            post(c, b, "2026-11-22T10:00:00Z");
            // sig-c: 2 reports, no machine id and no version
            post(c, Reports.minimal("c1", "sig-c"), "2026-11-22T11:00:00Z");
            post(c, Reports.minimal("c2", "sig-c"), "2026-11-22T12:00:00Z");

            JsonArray all = c.groups("");
            assertEquals(3, all.size());
            assertEquals("sig-a", sig(all, 0));
            assertEquals("sig-c", sig(all, 1));
            assertEquals("sig-b", sig(all, 2));

            JsonObject a = all.get(0).getAsJsonObject();
            assertEquals(3, a.get("count").getAsLong());
            assertEquals(2, a.get("machines").getAsLong());
            assertEquals("game", a.get("app").getAsString());
            assertEquals("uncaught", a.get("kind").getAsString());
            assertEquals("NullPointerException in acme.Game.tick", a.get("title").getAsString());
            assertEquals("2026-11-19T10:00:00Z", a.get("firstSeen").getAsString());
            assertEquals("2026-11-21T10:00:00Z", a.get("lastSeen").getAsString());
            assertEquals(Map.of("1.0", 2L, "1.1", 1L), versions(a));

            JsonObject cg = all.get(1).getAsJsonObject();
            assertEquals(0, cg.get("machines").getAsLong());
            assertEquals(Map.of("unknown", 2L), versions(cg));

            assertEquals(1, c.groups("?app=editor").size());
            assertEquals("sig-b", sig(c.groups("?kind=hang"), 0));
            JsonArray v11 = c.groups("?version=1.1");
            assertEquals(1, v11.size());
            assertEquals(1, v11.get(0).getAsJsonObject().get("count").getAsLong(), "counted within the version");
            assertEquals(0, c.groups("?app=game&kind=hang").size());
            assertEquals(1, c.groups("?limit=1").size());
            assertEquals(400, c.get("/api/groups?limit=x").statusCode());
        }
    }

    @Test
    void groupPageHasNewestReportsCommentsAndMarkedFrames(@TempDir Path dir) throws Exception {
        try (RunningCollector c = RunningCollector.start(dir)) {
            c.post(Reports.sample("s1", "sig-s", "2.4.0"));
            JsonObject newer = Reports.sample("s2", "sig-s", "2.4.1");
            newer.addProperty("time", "2026-11-27T00:00:00Z");
            c.post(newer);
            JsonObject g = c.group("sig-s");
            assertEquals(2, g.get("count").getAsLong());
            JsonArray reports = g.getAsJsonArray("reports");
            assertEquals("s2", reports.get(0).getAsJsonObject().get("id").getAsString(), "newest first");
            assertEquals(2, g.getAsJsonArray("comments").size());
            assertEquals("It crashed when I opened level 3 again.",
                    g.getAsJsonArray("comments").get(0).getAsJsonObject().get("comment").getAsString());
            JsonObject latest = g.getAsJsonObject("latest");
            assertEquals("s2", latest.get("id").getAsString());
            JsonArray chain = latest.getAsJsonArray("exception");
            assertEquals(3, chain.size(), "exception and two causes");
            assertEquals("java.lang.NullPointerException", chain.get(2).getAsJsonObject().get("type").getAsString());
            Map<String, String> origins = new HashMap<>();
            for (JsonElement link : chain) {
                for (JsonElement f : link.getAsJsonObject().getAsJsonArray("frames")) {
                    JsonObject fo = f.getAsJsonObject();
                    origins.put(fo.get("class").getAsString(), fo.get("origin").getAsString());
                }
            }
            assertEquals("app", origins.get("acme.game.LevelLoader"));
            assertEquals("library", origins.get("com.fasterxml.jackson.databind.ObjectMapper"));
            assertEquals("jdk", origins.get("java.util.HashMap"));
            assertEquals(ReportDigest.LOG_LINES, latest.getAsJsonArray("logs").size());
            assertEquals(200, latest.get("logCount").getAsInt());
            assertTrue(latest.getAsJsonObject("system").has("os"));
            assertEquals(404, c.get("/api/groups/no-such-group").statusCode());
        }
    }

    @Test
    void classifierSeparatesAppLibraryAndJdk() {
        FrameClassifier withMain = new FrameClassifier("acme.game.Main");
        assertEquals("app", withMain.classify("acme.game.world.Tile", null, "game.jar"));
        assertEquals("library", withMain.classify("org.lwjgl.opengl.GL11", null, "lwjgl-3.3.4.jar"));
        assertEquals("jdk", withMain.classify("java.lang.Thread", "java.base", null));
        assertEquals("jdk", withMain.classify("jdk.internal.misc.Unsafe", null, null));
        FrameClassifier noMain = new FrameClassifier(null);
        assertEquals("app", noMain.classify("com.example.Thing", null, "app.jar"));
        assertEquals("library", noMain.classify("com.google.gson.Gson", null, "gson-2.13.2.jar"));
        assertFalse(noMain.classify("dev.mayday.agent.X", null, null).equals("app"));
    }

    private static void post(RunningCollector c, JsonObject r, String time) throws Exception {
        r.addProperty("time", time);
        assertEquals(201, c.post(r).statusCode());
    }

    private static String sig(JsonArray groups, int i) {
        return groups.get(i).getAsJsonObject().get("signature").getAsString();
    }

    private static Map<String, Long> versions(JsonObject g) {
        Map<String, Long> m = new HashMap<>();
        for (JsonElement v : g.getAsJsonArray("versions")) {
            m.put(v.getAsJsonObject().get("version").getAsString(), v.getAsJsonObject().get("count").getAsLong());
        }
        return m;
    }

    @Test
    void theListCarriesTheNewestTwentyVersionsAndTheGroupPagesThemAll(@TempDir Path dir) throws Exception {
        try (RunningCollector c = RunningCollector.start(dir)) {
            for (int v = 0; v < 25; v++) {
                JsonObject r = Reports.of("ver-" + v, "sig-versions", "acme-game", "1." + v, "m", null);
                r.addProperty("time", java.time.Instant.now().minusSeconds(3600 - v * 60L).toString());
                assertEquals(201, c.post(r).statusCode());
            }
            JsonObject listed = c.groups("").get(0).getAsJsonObject();
            JsonArray versions = listed.getAsJsonArray("versions");
            assertEquals(20, versions.size());
            assertEquals("1.5", versions.get(0).getAsJsonObject().get("version").getAsString(), "the newest twenty, oldest first");
            assertEquals("1.24", versions.get(19).getAsJsonObject().get("version").getAsString());
            assertEquals(25, listed.get("versionCount").getAsInt());
            JsonObject group = c.group("sig-versions");
            assertEquals(25, group.getAsJsonArray("versions").size(), "the group's page has them all");
            JsonObject page = com.google.gson.JsonParser.parseString(
                    c.get("/api/groups/sig-versions?versionsFrom=0&versionsLimit=10").body()).getAsJsonObject();
            assertEquals(10, page.getAsJsonArray("versions").size());
            assertEquals("1.0", page.getAsJsonArray("versions").get(0).getAsJsonObject().get("version").getAsString());
            assertEquals(0, page.get("versionsFrom").getAsInt());
            JsonObject newest = com.google.gson.JsonParser.parseString(
                    c.get("/api/groups/sig-versions?versionsLimit=10").body()).getAsJsonObject();
            assertEquals(15, newest.get("versionsFrom").getAsInt(), "without versionsFrom: the newest page");
        }
    }
}
