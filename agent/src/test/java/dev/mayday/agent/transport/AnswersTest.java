package dev.mayday.agent.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** How the collector's answers decide between delivered, rejected (never again) and failed (later). */
class AnswersTest {

    @Test
    void httpStatusCodes() {
        assertEquals(Outcome.Kind.DELIVERED, HttpDestination.outcome(201, "{\"ack\":\"a\"}").kind());
        assertEquals(Outcome.Kind.DELIVERED, HttpDestination.outcome(200, "").kind());
        assertEquals(Outcome.Kind.REJECTED, HttpDestination.outcome(400, "{\"error\":\"missing key\"}").kind());
        assertEquals(Outcome.Kind.REJECTED, HttpDestination.outcome(413, "").kind());
        assertEquals(Outcome.Kind.FAILED, HttpDestination.outcome(401, "").kind());
        assertEquals(Outcome.Kind.FAILED, HttpDestination.outcome(429, "").kind());
        assertEquals(Outcome.Kind.FAILED, HttpDestination.outcome(503, "").kind());
        assertEquals("HTTP 400: {\"error\":\"missing key\"}", HttpDestination.outcome(400, "{\"error\":\"missing key\"}").reason());
    }

    @Test
    void webSocketAnswersAreMatchedToTheirReport() {
        assertEquals(Outcome.Kind.DELIVERED, WebSocketDestination.interpret("{\"ack\":\"r1\"}", "r1").kind());
        assertNull(WebSocketDestination.interpret("{\"ack\":\"r0\"}", "r1"), "an answer about another report");
        assertEquals(Outcome.Kind.REJECTED, WebSocketDestination.interpret("{\"error\":\"bad\",\"id\":\"r1\"}", "r1").kind());
        assertEquals(Outcome.Kind.FAILED,
                WebSocketDestination.interpret("{\"error\":\"too many\",\"retry\":true}", "r1").kind());
        assertNull(WebSocketDestination.interpret("not json", "r1"));
    }

    @Test
    void destinationsArePrintedWithoutTheirToken() {
        assertEquals("ws://h:8687/reports?token=[redacted], file:/tmp/copies",
                Destinations.describe("ws://h:8687/reports?token=t0ps3cret", "file:/tmp/copies"));
    }
}
