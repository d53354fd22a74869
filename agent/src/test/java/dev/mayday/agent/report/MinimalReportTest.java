package dev.mayday.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MinimalReportTest {

    @Test
    void carriesAppAndUserSoThatItIsDelivered() {
        Throwable failure = new IllegalStateException("it broke \"badly\"\n", new java.io.IOException("disk"));
        byte[] json = MinimalReport.build("id-1", 0L, "uncaught", "abc", "IllegalStateException in acme.Main.run",
                failure, new OutOfMemoryError("Java heap space"),
                new MinimalReport.App("acme", "1.2", "acme.Main", 42, "0.1.0"), Thread.currentThread(), "pending");
        JsonObject report = JsonParser.parseString(new String(json, StandardCharsets.UTF_8)).getAsJsonObject();

        assertEquals("acme", report.getAsJsonObject("app").get("name").getAsString());
        assertEquals(42, report.getAsJsonObject("app").get("pid").getAsLong());
        assertEquals("pending", report.getAsJsonObject("user").get("consent").getAsString());
        assertEquals("1970-01-01T00:00:00.000Z", report.get("time").getAsString());
        assertEquals("it broke \"badly\"\n", report.getAsJsonObject("exception").get("message").getAsString());
        assertEquals("carriesAppAndUserSoThatItIsDelivered", report.getAsJsonObject("exception").getAsJsonArray("frames")
                .get(0).getAsJsonObject().get("method").getAsString());
        String text = report.getAsJsonObject("exception").get("text").getAsString();
        assertTrue(text.contains("Caused by: java.io.IOException: disk"), text);
        assertTrue(report.getAsJsonArray("truncated").get(0).getAsString().contains("OutOfMemoryError"));
    }

    @Test
    void aFailureWhoseEveryMethodThrowsStillHasItsText() {
        Throwable hostile = new RuntimeException("x") {
            @Override
            public String toString() {
                throw new IllegalStateException();
            }

            @Override
            public synchronized Throwable getCause() {
                throw new IllegalStateException();
            }
        };
        String text = SafeThrowable.stackTrace(hostile);
        assertTrue(text.contains("MinimalReportTest"), text);
        assertTrue(SafeThrowable.line(new RuntimeException("y".repeat(1_000_000))).length() < 400);
    }
}
