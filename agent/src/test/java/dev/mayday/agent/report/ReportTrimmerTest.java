package dev.mayday.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReportTrimmerTest {

    private static JsonObject report(int threads, int framesPerThread, int logs, int messageChars) {
        JsonObject r = new JsonObject();
        r.addProperty("schema", "mayday/1");
        JsonObject exception = new JsonObject();
        exception.addProperty("type", "java.lang.IllegalStateException");
        exception.addProperty("message", "m".repeat(messageChars));
        JsonArray frames = new JsonArray();
        JsonObject top = new JsonObject();
        top.addProperty("class", "acme.Game");
        top.addProperty("method", "tick");
        frames.add(top);
        exception.add("frames", frames);
        r.add("exception", exception);
        JsonArray ts = new JsonArray();
        for (int t = 0; t < threads; t++) {
            JsonObject thread = new JsonObject();
            thread.addProperty("name", "worker-" + t);
            if (t == 0) {
                thread.addProperty("failing", true);
            }
            JsonArray fs = new JsonArray();
            for (int i = 0; i < framesPerThread; i++) {
                JsonObject f = new JsonObject();
                f.addProperty("class", "acme.deep.package.name.Worker" + i);
                f.addProperty("method", "work");
                fs.add(f);
            }
            thread.add("frames", fs);
            ts.add(thread);
        }
        r.add("threads", ts);
        JsonArray ls = new JsonArray();
        for (int i = 0; i < logs; i++) {
            JsonObject l = new JsonObject();
            l.addProperty("message", "log line " + i + " " + "z".repeat(8000));
            ls.add(l);
        }
        r.add("logs", ls);
        return r;
    }

    @Test
    void smallReportsAreLeftAlone() {
        JsonObject r = report(5, 10, 10, 100);
        byte[] json = ReportTrimmer.fit(r);
        assertTrue(json.length < 100_000);
        assertTrue(!JsonParser.parseString(new String(json, StandardCharsets.UTF_8)).getAsJsonObject().has("truncated"));
    }

    @Test
    void tenThousandThreadsAndMegabyteMessagesFitUnderOneMebibyteAndSayWhatWasCut() {
        byte[] json = ReportTrimmer.fit(report(10_000, 40, 1000, 1024 * 1024));
        assertTrue(json.length <= ReportTrimmer.MAX_BYTES, json.length + " bytes");
        JsonObject fitted = JsonParser.parseString(new String(json, StandardCharsets.UTF_8)).getAsJsonObject();
        JsonArray notes = fitted.getAsJsonArray("truncated");
        assertTrue(notes.size() >= 2, notes.toString());
        assertEquals("threads: other threads' frames cut to 8 each", notes.get(0).getAsString());
        // The failing thread keeps its frames; the failure keeps its type and frames.
        JsonObject failing = fitted.getAsJsonArray("threads").get(0).getAsJsonObject();
        assertEquals(40, failing.getAsJsonArray("frames").size());
        assertEquals("tick", fitted.getAsJsonObject("exception").getAsJsonArray("frames").get(0).getAsJsonObject()
                .get("method").getAsString());
    }
}
