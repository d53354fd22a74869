package dev.mayday.collector.ws;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.mayday.collector.config.CollectorOptions;
import dev.mayday.collector.support.Reports;
import dev.mayday.collector.support.RunningCollector;
import dev.mayday.collector.support.WsClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What an agent sees on ws://HOST:WSPORT/reports, and what the dashboard hears on /live. */
class WebSocketIngestTest {

    @TempDir
    static Path dir;
    static RunningCollector c;

    @BeforeAll
    static void start() throws Exception {
        c = RunningCollector.start(CollectorOptions.forTest(dir.resolve("m.db").toString(), RunningCollector.TOKEN)
                .withMaxReportBytes(256 * 1024));
    }

    @AfterAll
    static void stop() {
        c.close();
    }

    @Test
    void eachReportIsAcknowledgedOnceStored() throws Exception {
        WsClient ws = WsClient.bearer(c.ws() + "/reports", RunningCollector.TOKEN);
        assertTrue(ws.connectBlocking(10, TimeUnit.SECONDS));
        Set<String> acks = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            ws.send(Reports.sample("ws-" + i, "sig-ws", null).toString());
        }
        for (int i = 0; i < 20; i++) {
            acks.add(JsonParser.parseString(ws.next()).getAsJsonObject().get("ack").getAsString());
        }
        assertEquals(20, acks.size());
        assertEquals(20, c.count("sig-ws"));
        ws.send(Reports.sample("ws-0", "sig-ws", null).toString());
        assertEquals("ws-0", JsonParser.parseString(ws.next()).getAsJsonObject().get("ack").getAsString(), "a repeat is acknowledged");
        assertEquals(20, c.count("sig-ws"), "and not counted");
        ws.closeBlocking();
    }

    @Test
    void badReportsGetAnErrorNamingTheId() throws Exception {
        WsClient ws = WsClient.bearer(c.ws() + "/reports", RunningCollector.TOKEN);
        assertTrue(ws.connectBlocking(10, TimeUnit.SECONDS));
        JsonObject r = Reports.minimal("ws-bad-1", "sig-ws-bad");
        r.remove("title");
        ws.send(r.toString());
        JsonObject answer = JsonParser.parseString(ws.next()).getAsJsonObject();
        assertEquals("ws-bad-1", answer.get("id").getAsString());
        assertTrue(answer.get("error").getAsString().contains("title"), answer.toString());
        ws.send("{not json");
        assertTrue(JsonParser.parseString(ws.next()).getAsJsonObject().has("error"));
        ws.send(Reports.minimal("ws-good-after", "sig-ws-bad").toString());
        assertEquals("ws-good-after", JsonParser.parseString(ws.next()).getAsJsonObject().get("ack").getAsString(),
                "the connection stays usable");
        ws.closeBlocking();
    }

    @Test
    void missingOrWrongTokenIsRefusedAtTheHandshake() throws Exception {
        WsClient none = WsClient.bearer(c.ws() + "/reports", null);
        assertFalse(none.connectBlocking(10, TimeUnit.SECONDS));
        WsClient wrong = WsClient.bearer(c.ws() + "/reports", "wrong");
        assertFalse(wrong.connectBlocking(10, TimeUnit.SECONDS));
        WsClient query = new WsClient(c.ws() + "/reports?token=" + RunningCollector.TOKEN, java.util.Map.of());
        assertTrue(query.connectBlocking(10, TimeUnit.SECONDS), "?token= works for clients that cannot set headers");
        query.closeBlocking();
        WsClient otherPath = WsClient.bearer(c.ws() + "/other", RunningCollector.TOKEN);
        assertFalse(otherPath.connectBlocking(10, TimeUnit.SECONDS));
    }

    @Test
    void oversizedMessageClosesTheConnectionAndStoresNothing() throws Exception {
        WsClient ws = WsClient.bearer(c.ws() + "/reports", RunningCollector.TOKEN);
        assertTrue(ws.connectBlocking(10, TimeUnit.SECONDS));
        JsonObject r = Reports.minimal("ws-big", "sig-ws-big");
        r.addProperty("padding", "x".repeat(512 * 1024));
        ws.send(r.toString());
        for (int i = 0; i < 100 && ws.closeCode < 0; i++) {
            Thread.sleep(100);
        }
        // 1009 "too big"; 1006 when the socket closes before the client reads the close frame
        assertTrue(ws.closeCode == 1009 || ws.closeCode == 1006, "closed, code " + ws.closeCode);
        assertEquals(0, c.count("sig-ws-big"));
    }

    @Test
    void liveFeedTellsAboutNewReports() throws Exception {
        WsClient live = WsClient.bearer(c.ws() + "/live", c.collector.readToken());
        assertTrue(live.connectBlocking(10, TimeUnit.SECONDS));
        assertEquals(201, c.post(Reports.minimal("live-1", "sig-live")).statusCode());
        JsonObject event = JsonParser.parseString(live.next()).getAsJsonObject();
        assertEquals("report", event.get("type").getAsString());
        assertEquals("live-1", event.get("id").getAsString());
        assertEquals("sig-live", event.get("signature").getAsString());
        c.post(Reports.minimal("live-1", "sig-live"));
        assertEquals(null, live.messages.poll(500, TimeUnit.MILLISECONDS), "a repeat delivery is not news");
        live.closeBlocking();
    }
}
