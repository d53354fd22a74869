package dev.mayday.collector.ingest;

import com.google.gson.JsonObject;
import dev.mayday.collector.support.Reports;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The strict validation every report goes through. */
class ReportParserTest {

    private final ReportParser parser = new ReportParser();

    @Test
    void readsTheIndexedFields() throws Exception {
        Report r = parser.parse(bytes(Reports.sample("id-1", "sig-1", "2.4.1").toString()));
        assertEquals("id-1", r.id());
        assertEquals("sig-1", r.signature());
        assertEquals("main-loop", r.kind());
        assertEquals("IllegalStateException in acme.game.LevelLoader.load", r.title());
        assertEquals("acme-game", r.appName());
        assertEquals("2.4.1", r.version());
        assertEquals("9b1f3c52-7d0e-4a57-9a8e-2f6c1d7e0b44", r.machineId());
        assertEquals("It crashed when I opened level 3 again.", r.comment());
        assertEquals(java.time.Instant.parse("2026-11-26T07:13:20.120Z").toEpochMilli(), r.timeMs());
    }

    @Test
    void decodesEscapesAndUnicodeInKeptValues() throws Exception {
        JsonObject o = Reports.minimal("u-1", "s");
        o.addProperty("title", "Fehler in Größe \"x\"\t\u00e9\ud83d\ude00 \\ /");
        String text = o.toString().replace("\\t", "\\u0009");
        assertEquals("Fehler in Größe \"x\"\t\u00e9\ud83d\ude00 \\ /", parser.parse(bytes(text)).title());
    }

    @Test
    void optionalPartsMayBeMissingOrNull() throws Exception {
        Report r = parser.parse(bytes("{\"schema\":\"mayday/1\",\"id\":\"a\",\"time\":\"2026-01-01T00:00:00Z\",\"kind\":\"hang\","
                + "\"signature\":\"s\",\"title\":\"t\",\"app\":null,\"system\":{\"machineId\":null},\"user\":{\"comment\":\"  \"},"
                + "\"extra\":[1,-2.5e3,true,false,null,{\"a\":[]},\"x\"]}"));
        assertNull(r.appName());
        assertNull(r.machineId());
        assertNull(r.comment(), "a blank comment is no comment");
    }

    @Test
    void rejectsWhatIsNotStrictJson() {
        String ok = Reports.minimal("x", "s").toString();
        String[] bad = {
            ok.replace("}", "},"),                       // trailing comma in the document
            ok.replace("\"kind\"", "kind"),               // unquoted key
            ok.replace("\"x\"", "'x'"),                   // single quotes
            ok.replace("\"s\"", "\"s\\q\""),              // bad escape
            ok.replace("\"s\"", "\"s\u0001\""),           // raw control character
            ok.substring(0, ok.length() - 1) + ",\"n\":01}",   // leading zero
            ok.substring(0, ok.length() - 1) + ",\"n\":1.}",   // bad fraction
            ok.substring(0, ok.length() - 1) + ",\"n\":NaN}",
            ok.substring(0, ok.length() - 1) + ",\"a\":[1,]}",
            ok + " x",
            "\ufeff" + ok,
        };
        for (String b : bad) {
            assertThrows(InvalidReportException.class, () -> parser.parse(bytes(b)), b);
        }
        byte[] badUtf8 = bytes(ok.replace("\"s\"", "\"s__\""));
        int at = new String(badUtf8, StandardCharsets.ISO_8859_1).indexOf("s__");
        badUtf8[at + 1] = (byte) 0xC0;
        badUtf8[at + 2] = (byte) 0x80;
        InvalidReportException e = assertThrows(InvalidReportException.class, () -> parser.parse(badUtf8));
        assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
    }

    @Test
    void deepNestingIsRefusedWithoutBlowingTheStack() {
        String deep = "{\"x\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        InvalidReportException e = assertThrows(InvalidReportException.class, () -> parser.parse(bytes(deep)));
        assertTrue(e.getMessage().contains("nested"), e.getMessage());
    }

    @Test
    void wrongTypesAreNamed() {
        JsonObject o = Reports.minimal("t-1", "s");
        o.addProperty("kind", 5);
        assertEquals("\"kind\" must be a string, got a number", message(o));
        o = Reports.minimal("t-2", "s");
        o.add("app", new com.google.gson.JsonArray());
        assertEquals("\"app\" must be an object, got an array", message(o));
        o = Reports.minimal("t-3", "s");
        JsonObject app = new JsonObject();
        app.addProperty("version", true);
        o.add("app", app);
        assertEquals("\"app.version\" must be a string, got a boolean", message(o));
        InvalidReportException e = assertThrows(InvalidReportException.class, () -> parser.parse(bytes("[1]")));
        assertEquals("expected a JSON object, got an array", e.getMessage());
    }

    @Test
    void errorsCarryTheIdWhenItCouldBeRead() {
        JsonObject o = Reports.minimal("known-id", "s");
        o.remove("signature");
        InvalidReportException e = assertThrows(InvalidReportException.class, () -> parser.parse(bytes(o.toString())));
        assertEquals("known-id", e.reportId());
    }

    private String message(JsonObject o) {
        return assertThrows(InvalidReportException.class, () -> parser.parse(bytes(o.toString()))).getMessage();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void implausibleTimesCountAsTheTimeOfArrival() throws Exception {
        long now = java.time.Instant.parse("2026-12-01T12:00:00Z").toEpochMilli();
        assertEquals(now - 3_600_000, ReportParser.orderingTime("2026-12-01T11:00:00Z", now), "an hour ago: as said");
        assertEquals(now + 60_000, ReportParser.orderingTime("2026-12-01T13:01:00+01:00", now), "a minute ahead: clocks drift");
        for (String t : new String[] {"9999-12-31T23:59:59Z", "2026-12-01T12:10:00Z", "1999-12-31T23:59:59Z",
            "1970-01-01T00:00:00Z", "+999999999-12-31T23:59+01:00", "-999999999-01-01T00:00Z", "+999999999-12-31T23:59:59.999999999Z"}) {
            assertEquals(now, ReportParser.orderingTime(t, now), t);
        }
        org.junit.jupiter.api.Assertions.assertThrows(InvalidReportException.class, () -> ReportParser.orderingTime("yesterday", now));
    }
}
