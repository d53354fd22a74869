package dev.mayday.collector;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.mayday.collector.support.CollectorJar;
import dev.mayday.collector.support.Raw;
import dev.mayday.collector.support.Reports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.mayday.collector.support.CollectorJar.INGEST;
import static dev.mayday.collector.support.CollectorJar.READ;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged collector tried as an attacker on the internet would: with the key pulled out of
 * a shipped program, with slow and endless requests, from a page of another origin, with
 * malformed input everywhere.
 */
class InternetFacingJarIT {

    private static final String[] READ_PATHS = {"/api/groups", "/api/groups?kind=uncaught", "/api/groups/sig-x",
        "/api/reports/r-1", "/api/info"};

    @Test
    void theIngestKeyPostsReportsAndReadsNothing(@TempDir Path dir) throws Exception {
        try (CollectorJar c = CollectorJar.start(dir)) {
            assertEquals(201, c.post("/api/reports", Reports.sample("r-1", "sig-x", null).toString(), INGEST).statusCode());
            for (String path : READ_PATHS) {
                HttpResponse<String> r = c.get(path, INGEST);
                assertEquals(403, r.statusCode(), path + " with the ingest key: " + r.body());
                assertTrue(r.body().contains("read token"), r.body());
                assertEquals(401, c.get(path, null).statusCode(), path + " without a token");
                assertEquals(200, c.get(path, READ).statusCode(), path + " with the read token");
            }
            assertEquals(403, Raw.status(Raw.handshake(c.port, "/live", "Authorization: Bearer " + INGEST)), "/live");
            assertEquals(401, Raw.status(Raw.handshake(c.port, "/live")), "/live without a token");
            assertEquals(101, Raw.status(Raw.handshake(c.port, "/live", "Authorization: Bearer " + READ)));
            assertEquals(403, c.post("/api/session", "{\"token\":\"" + INGEST + "\"}", null).statusCode(),
                    "the ingest key cannot sign in to the dashboard");
            assertEquals(403, c.post("/api/reports", Reports.minimal("r-2", "sig-x").toString(), READ).statusCode(),
                    "the read token is not an ingest key");
            assertEquals(403, Raw.status(Raw.handshake(c.port, "/reports", "Authorization: Bearer " + READ)));
        }
    }

    @Test
    void anAppBoundKeyCannotWriteAnotherAppsReports(@TempDir Path dir) throws Exception {
        String gameKey = "game-only-key-0123456789";
        try (CollectorJar c = CollectorJar.start(dir, "--token", "acme-game=" + gameKey)) {
            String game = Reports.of("g-1", "sig-g", "acme-game", "1.0", "m1", null).toString();
            String other = Reports.of("o-1", "sig-o", "acme-office", "1.0", "m1", null).toString();
            assertEquals(201, c.post("/api/reports", game, gameKey).statusCode());
            HttpResponse<String> refused = c.post("/api/reports", other, gameKey);
            assertEquals(403, refused.statusCode(), refused.body());
            assertTrue(refused.body().contains("acme-game"), refused.body());
            String noApp = Reports.minimal("n-1", "sig-n").toString();
            assertEquals(403, c.post("/api/reports", noApp, gameKey).statusCode(), "a report naming no app is not the game's");
            assertEquals(201, c.post("/api/reports", other, INGEST).statusCode(), "the unbound key writes any app");
            assertEquals(404, c.get("/api/reports/n-1", READ).statusCode(), "nothing stored from the refusal");
        }
    }

    @Test
    void slowConnectionsAndAHugeHandshakeLeaveTheApiAnswering(@TempDir Path dir) throws Exception {
        try (CollectorJar c = CollectorJar.start(dir)) {
            for (int i = 0; i < 20; i++) {
                assertEquals(200, c.get("/api/groups", READ).statusCode()); // warm up before measuring
            }
            long rssBefore = c.rssKiB();
            List<Socket> slow = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                Socket s = new Socket("127.0.0.1", c.port);
                s.getOutputStream().write("GET / HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
                slow.add(s);
            }
            Socket half = new Socket("127.0.0.1", c.port);
            half.getOutputStream().write(("GET /reports HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            Socket trickle = new Socket("127.0.0.1", c.port);
            AtomicBoolean stop = new AtomicBoolean();
            Thread trickler = new Thread(() -> {
                OutputStream out;
                try {
                    out = trickle.getOutputStream();
                } catch (Exception e) {
                    return;
                }
                byte[] line = "GET /api/groups HTTP/1.1\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII);
                for (int i = 0; !stop.get() && i < line.length + 60; i++) {
                    if (!Raw.write(out, new byte[] {i < line.length ? line[i] : (byte) 'a'})) {
                        return;
                    }
                    sleep(500);
                }
            }, "trickle");
            trickler.start();
            Socket huge = new Socket("127.0.0.1", c.port);
            Thread flooder = new Thread(() -> {
                try {
                    OutputStream out = huge.getOutputStream();
                    out.write("GET /reports HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nX-Pad: ".getBytes(StandardCharsets.US_ASCII));
                    byte[] chunk = new byte[64 * 1024];
                    Arrays.fill(chunk, (byte) 'a');
                    for (int sent = 0; sent < 32 * 1024 * 1024 && !stop.get(); sent += chunk.length) {
                        if (!Raw.write(out, chunk)) {
                            return; // cut off: what the test wants
                        }
                    }
                } catch (Exception ignored) {
                    // the server closed the connection
                }
            }, "32MB-header");
            flooder.start();
            try {
                for (int i = 0; i < 10; i++) {
                    long t0 = System.nanoTime();
                    assertEquals(200, c.get("/api/groups", READ).statusCode());
                    long ms = (System.nanoTime() - t0) / 1_000_000;
                    assertTrue(ms < 1000, "the API answered in " + ms + " ms with 20 slow connections open");
                    assertEquals(201, c.post("/api/reports", Reports.sample("slow-" + i, "sig-slow", null).toString(), INGEST)
                            .statusCode());
                    Thread.sleep(200);
                }
                flooder.join(20_000);
                assertFalse(flooder.isAlive(), "the 32 MB header was cut off before it was all sent");
                for (Socket s : slow) {
                    assertTrue(Raw.closedWithin(s, 20_000), "a half-sent request line is cut within seconds");
                }
                assertTrue(Raw.closedWithin(half, 20_000), "a half-sent handshake is cut within seconds");
                assertTrue(Raw.closedWithin(trickle, 20_000), "headers sent a byte at a time are cut within seconds");
                long grown = c.rssKiB() - rssBefore;
                assertTrue(grown < 64 * 1024, "RSS grew by " + grown + " KiB");
                assertEquals(200, c.get("/api/groups", READ).statusCode(), "still answering");
            } finally {
                stop.set(true);
                for (Socket s : slow) {
                    s.close();
                }
                half.close();
                trickle.close();
                huge.close();
            }
        }
    }

    @Test
    void theSessionCookieOpensNothingFromAnotherOriginAndNeverIngests(@TempDir Path dir) throws Exception {
        try (CollectorJar c = CollectorJar.start(dir)) {
            HttpResponse<String> signIn = c.post("/api/session", "{\"token\":\"" + READ + "\"}", null);
            assertEquals(200, signIn.statusCode(), signIn.body());
            String setCookie = signIn.headers().firstValue("Set-Cookie").orElseThrow();
            assertTrue(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"), setCookie);
            assertFalse(setCookie.contains("Secure"), "plain HTTP: " + setCookie);
            assertFalse(setCookie.contains(READ), "the cookie holds a session id, never the token");
            String cookie = "Cookie: " + setCookie.substring(0, setCookie.indexOf(';'));
            String own = "Origin: http://127.0.0.1:" + c.port;
            assertEquals(101, Raw.status(Raw.handshake(c.port, "/live", cookie, own)), "the dashboard's own page");
            assertEquals(403, Raw.status(Raw.handshake(c.port, "/live", cookie, "Origin: http://127.0.0.1:" + (c.port + 1))),
                    "a page on another port of the same host");
            assertEquals(403, Raw.status(Raw.handshake(c.port, "/live", cookie, "Origin: http://evil.example")));
            assertEquals(403, Raw.status(Raw.handshake(c.port, "/live", cookie)), "a cookie without an Origin");
            assertEquals(401, Raw.status(Raw.handshake(c.port, "/reports", cookie, own)), "ingest never takes the cookie");
            assertEquals(403, Raw.status(Raw.handshake(c.port, "/reports", cookie, "Origin: http://127.0.0.1:" + (c.port + 1),
                    "Authorization: Bearer " + INGEST)), "a handshake with the cookie from another origin, whatever else it carries");
            assertEquals(403, Raw.status(Raw.handshake(c.port, "/live", cookie, "Origin: http://127.0.0.1:" + (c.port + 1),
                    "Authorization: Bearer " + READ)));
            String post = "POST /api/reports HTTP/1.1\r\nHost: 127.0.0.1\r\n" + cookie + "\r\n" + own
                    + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}";
            assertEquals(401, Raw.status(Raw.exchange(c.port, post)), "nor does POST /api/reports");
            String groups = "GET /api/groups HTTP/1.1\r\nHost: 127.0.0.1\r\n" + cookie + "\r\nConnection: close\r\n\r\n";
            assertEquals(200, Raw.status(Raw.exchange(c.port, groups)), "the cookie reads");
            String signOut = "DELETE /api/session HTTP/1.1\r\nHost: 127.0.0.1:" + c.port + "\r\n" + cookie + "\r\n" + own
                    + "\r\nConnection: close\r\n\r\n";
            assertEquals(200, Raw.status(Raw.exchange(c.port, signOut)));
            assertEquals(401, Raw.status(Raw.exchange(c.port, groups)), "signed out: the session is gone on the server");
        }
    }

    @Test
    void wrongKeysAreThrottledPerAddress(@TempDir Path dir) throws Exception {
        try (CollectorJar c = CollectorJar.start(dir)) {
            int refused = 0;
            int throttled = 0;
            for (int i = 0; i < 40; i++) {
                int s = c.post("/api/reports", "{}", "guess-" + i + "-0123456789abcdef").statusCode();
                if (s == 401) {
                    refused++;
                } else if (s == 429) {
                    throttled++;
                }
            }
            assertTrue(refused >= 10 && throttled >= 10, refused + " refused, " + throttled + " throttled");
            assertEquals(429, c.get("/api/groups", "guess-again-0123456789").statusCode(), "reads too");
        }
    }

    @Test
    void everyMalformedInputGetsAnAnswer(@TempDir Path dir) throws Exception {
        try (CollectorJar c = CollectorJar.start(dir)) {
            String close = "Connection: close\r\n";
            for (String cookie : new String[] {"mayday_session=%%%", "mayday_session=", "mayday_session=\"", ";;;=;",
                "mayday_session=" + "x".repeat(5000), "mayday_session=a b", "\u00ff\u00fe"}) {
                String head = Raw.exchange(c.port, "GET /api/groups HTTP/1.1\r\nHost: x\r\nCookie: " + cookie + "\r\n" + close + "\r\n");
                int status = Raw.status(head);
                assertTrue(status == 401 || status == 400, cookie + " -> " + head);
            }
            for (String body : new String[] {"", "{", "[]", "null", "{\"token\":5}", "{\"token\":null}", "{\"token\":[1]}",
                "not json", "{\"token\":\"" + "x".repeat(5000) + "\"}", "\"token\""}) {
                HttpResponse<String> r = c.post("/api/session", body, null);
                assertTrue(r.statusCode() == 400 || r.statusCode() == 413, body + " -> " + r.statusCode());
                assertTrue(JsonParser.parseString(r.body()).getAsJsonObject().has("error"), r.body());
            }
            for (String path : new String[] {"/api/groups/%", "/api/groups/%zz", "/api/reports/%00", "/%2e%2e/%2e%2e/etc/passwd",
                "/api/groups?limit=abc", "/api/groups?limit=-1", "/api/groups?kind=%ff", "/api/groups/x?versionsFrom=q"}) {
                String whole = Raw.whole(c.port, "GET " + path + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + READ
                        + "\r\n" + close + "\r\n");
                int status = Raw.status(whole);
                assertTrue(status >= 200 && status < 500, path + " -> " + whole);
                assertTrue(whole.toLowerCase().contains("x-content-type-options: nosniff"), path + " -> " + whole);
            }
            String big = Raw.whole(c.port, "GET /api/groups HTTP/1.1\r\nHost: x\r\nX-Big: " + "y".repeat(64 * 1024) + "\r\n" + close + "\r\n");
            assertEquals(431, Raw.status(big), big);
            assertTrue(big.contains("{\"error\""), big);
            assertTrue(big.toLowerCase().contains("nosniff"), big);
            String garbage = Raw.whole(c.port, "\u0001\u0002 nonsense\r\n\r\n");
            assertTrue(Raw.status(garbage) == 400 || garbage.isEmpty(), garbage);

            // times a machine with a broken clock or a hostile sender may give: accepted, ordered by arrival
            for (String time : new String[] {"+999999999-12-31T23:59+01:00", "9999-12-31T23:59:59Z", "1970-01-01T00:00:00Z",
                "-999999999-01-01T00:00Z"}) {
                JsonObject r = Reports.minimal("t-" + Math.abs(time.hashCode()), "sig-time");
                r.addProperty("time", time);
                HttpResponse<String> resp = c.post("/api/reports", r.toString(), INGEST);
                assertEquals(201, resp.statusCode(), time + ": " + resp.body());
            }
            JsonObject group = JsonParser.parseString(c.get("/api/groups/sig-time", READ).body()).getAsJsonObject();
            long last = java.time.Instant.parse(group.get("lastSeen").getAsString()).toEpochMilli();
            long first = java.time.Instant.parse(group.get("firstSeen").getAsString()).toEpochMilli();
            long now = System.currentTimeMillis();
            assertTrue(Math.abs(now - last) < 600_000 && Math.abs(now - first) < 600_000, group.toString());
            JsonObject stored = JsonParser.parseString(c.get("/api/reports/t-" + Math.abs("9999-12-31T23:59:59Z".hashCode()), READ)
                    .body()).getAsJsonObject();
            assertEquals("9999-12-31T23:59:59Z", stored.get("time").getAsString(), "the report keeps what the agent said");
        }
    }

    @Test
    void overWebSocketEveryMessageIsAnsweredWithAnAckOrAnErrorNamingTheId(@TempDir Path dir) throws Exception {
        String gameKey = "game-only-key-0123456789";
        try (CollectorJar c = CollectorJar.start(dir, "--token", "acme-game=" + gameKey)) {
            dev.mayday.collector.support.WsClient ws = dev.mayday.collector.support.WsClient.bearer(
                    "ws://127.0.0.1:" + c.port + "/reports", gameKey);
            assertTrue(ws.connectBlocking(10, java.util.concurrent.TimeUnit.SECONDS), "WebSocket on the HTTP port");
            JsonObject far = Reports.of("ws-far", "sig-ws", "acme-game", "1", "m", null);
            far.addProperty("time", "+999999999-12-31T23:59+01:00");
            ws.send(far.toString());
            assertEquals("{\"ack\":\"ws-far\"}", ws.next());
            ws.send(Reports.of("ws-other", "sig-ws", "acme-office", "1", "m", null).toString());
            JsonObject refused = JsonParser.parseString(ws.next()).getAsJsonObject();
            assertEquals("ws-other", refused.get("id").getAsString(), refused.toString());
            assertTrue(refused.get("retry").getAsBoolean(), "a key problem says nothing against the report: " + refused);
            JsonObject bad = Reports.of("ws-bad", "sig-ws", "acme-game", "1", "m", null);
            bad.addProperty("kind", 7);
            ws.send(bad.toString());
            JsonObject invalid = JsonParser.parseString(ws.next()).getAsJsonObject();
            assertEquals("ws-bad", invalid.get("id").getAsString(), invalid.toString());
            assertFalse(invalid.has("retry"), "an invalid report is not worth sending again: " + invalid);
            ws.send(new byte[] {1, 2, 3});
            assertTrue(JsonParser.parseString(ws.next()).getAsJsonObject().has("error"));
            ws.send("{\"id\":");
            assertTrue(JsonParser.parseString(ws.next()).getAsJsonObject().has("error"));
            ws.closeBlocking();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
