package dev.mayday.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The logs written straight from their fields are the JSON the Gson tree gave, trimmed alike. */
class LogRecordsTest {

    @Test
    void writesWhatTheTreeWrote() {
        Random random = new Random(3);
        for (int round = 0; round < 50; round++) {
            LogRecords records = new LogRecords(0);
            JsonArray tree = new JsonArray();
            fill(random, 1 + random.nextInt(40), 300, records, tree);
            assertEquals(new String(JsonText.bytes(tree), StandardCharsets.UTF_8),
                    new String(JsonText.bytes(records), StandardCharsets.UTF_8));
            assertEquals(JsonParser.parseString(records.toString()), tree);
            assertEquals(records.toString(), records.deepCopy().toString());
        }
    }

    @Test
    void isTrimmedAsTheTreeWas() {
        Random random = new Random(5);
        for (int round = 0; round < 6; round++) {
            LogRecords records = new LogRecords(0);
            JsonArray tree = new JsonArray();
            // Up to 1,000 records with messages up to 8 KiB: past the size limit, so the trimmer
            // cuts long strings and old records.
            fill(random, 200 + random.nextInt(800), 8192, records, tree);
            JsonObject withRecords = report(records);
            JsonObject withTree = report(tree);
            assertEquals(new String(ReportTrimmer.fit(withTree), StandardCharsets.UTF_8),
                    new String(ReportTrimmer.fit(withRecords), StandardCharsets.UTF_8), "round " + round);
        }
    }

    private static JsonObject report(com.google.gson.JsonElement logs) {
        JsonObject r = new JsonObject();
        r.addProperty("schema", "mayday/1");
        r.add("threads", new JsonArray());
        r.add("logs", logs);
        return r;
    }

    private static void fill(Random random, int count, int maxMessage, LogRecords records, JsonArray tree) {
        String[] odd = {"plain", "quote \" and \\ slash", "tab\tnew\nline", "\u0001control", "é ü 日本", "\u2028sep", ""};
        for (int i = 0; i < count; i++) {
            LogRecords.Record r = new LogRecords.Record();
            r.time = IsoTime.format(1_764_000_000_000L + i);
            r.level = random.nextInt(10) == 0 ? null : "INFO";
            r.logger = odd[random.nextInt(odd.length)] + ".logger";
            r.thread = random.nextInt(20) == 0 ? null : odd[random.nextInt(odd.length)];
            StringBuilder message = new StringBuilder();
            int length = random.nextInt(maxMessage);
            while (message.length() < length) {
                message.append(odd[random.nextInt(odd.length)]).append(' ');
            }
            r.message = message.toString();
            r.messageCut = random.nextInt(7) == 0;
            r.exception = random.nextInt(4) == 0 ? "java.lang.IllegalStateException: " + odd[random.nextInt(odd.length)]
                    + "\n\tat a.B.c(B.java:1)" : null;
            records.add(r);
            JsonObject log = new JsonObject();
            log.addProperty("time", r.time);
            log.addProperty("level", r.level);
            log.addProperty("logger", r.logger);
            log.addProperty("thread", r.thread);
            log.addProperty("message", r.message);
            if (r.messageCut) {
                log.addProperty("messageCut", true);
            }
            if (r.exception != null) {
                log.addProperty("exception", r.exception);
            }
            tree.add(log);
        }
    }
}
