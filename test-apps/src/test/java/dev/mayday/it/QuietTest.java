package dev.mayday.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code quiet} never drops silently: the first repeat held back says so in one line, the count
 * of repeats no report carried survives the JVM's end as a repeats record in the outbox, and
 * another bug through the same helper is never held back as a repeat.
 */
class QuietTest {

    @TempDir
    Path home;

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void heldBackRepeatsPrintOneLineAndTheirCountOutlivesTheJvm(Jdk jdk) throws Exception {
        ChildJvm.Result run = new ChildJvm(jdk, home).run("demo.RepeatedFailure", "4");

        assertEquals(0, run.exitCode, run.toString());
        assertTrue(run.stdout.contains("main ends after 4 jobs"), run.toString());
        List<JsonObject> all = run.reports();
        List<JsonObject> reports = all.stream().filter(r -> !r.get("kind").getAsString().equals("repeats"))
                .collect(Collectors.toList());
        List<JsonObject> records = all.stream().filter(r -> r.get("kind").getAsString().equals("repeats"))
                .collect(Collectors.toList());
        // The job bug once, the audit bug once: another bug through the same helper is not a repeat.
        assertEquals(2, reports.size(), run.toString());
        assertTrue(!reports.get(0).get("signature").equals(reports.get(1).get("signature")));
        // One line, the first time, for the three repeats held back.
        long lines = run.stderr.lines().filter(l -> l.startsWith("mayday: ") && l.contains("the same failure again")).count();
        assertEquals(1, lines, run.toString());
        // The three repeats are in the outbox, for the job's signature.
        assertEquals(1, records.size(), run.toString());
        JsonObject record = records.get(0);
        JsonObject job = reports.stream().filter(r -> r.getAsJsonObject("thread").get("name").getAsString().equals("job-0"))
                .findFirst().orElseThrow();
        assertEquals(3, record.get("repeats").getAsLong());
        assertEquals(job.get("signature").getAsString(), record.get("signature").getAsString());
        assertEquals(job.get("title").getAsString(), record.get("title").getAsString());
        assertEquals(job.get("id").getAsString(), record.get("repeatsOf").getAsString());
        assertEquals("mayday/1", record.get("schema").getAsString());
        assertTrue(Files.size(run.reportFiles().get(0)) > 0);
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void withQuietZeroEveryOccurrenceIsAReportAndNothingIsHeldBack(Jdk jdk) throws Exception {
        ChildJvm.Result run = new ChildJvm(jdk, home).agentArgs("quiet=0").run("demo.RepeatedFailure", "3");

        assertEquals(0, run.exitCode, run.toString());
        assertEquals(4, run.reports().size(), run.toString());
        assertTrue(run.reports().stream().noneMatch(r -> r.get("kind").getAsString().equals("repeats")));
        assertTrue(!run.stderr.contains("the same failure again"), run.toString());
    }

    @ParameterizedTest
    @MethodSource("dev.mayday.it.Jdk#all")
    void theCollectorAddsTheRepeatsToTheGroupAndShowsNoExtraReport(Jdk jdk) throws Exception {
        try (Collector collector = Collector.start(home.resolve("collector"))) {
            ChildJvm.Result run = new ChildJvm(jdk, home)
                    .agentArgs("consent=always,send=" + collector.httpUrl() + ",token=" + Collector.TOKEN)
                    .run("demo.RepeatedFailure", "4");
            assertEquals(0, run.exitCode, run.toString());
            // What the program could not deliver before it ended (the repeats record at least) goes now.
            ChildJvm.Result send = new ChildJvm(jdk, home).runAgentJar("send", "outbox=" + run.outbox,
                    "send=" + collector.httpUrl(), "token=" + Collector.TOKEN);
            assertEquals(0, send.exitCode, send.toString());
            assertEquals(List.of(), Outboxes.waiting(run.outbox), send.toString());

            com.google.gson.JsonArray groups = collector.groups();
            assertEquals(2, groups.size(), groups.toString());
            long reports = 0;
            long repeats = 0;
            for (com.google.gson.JsonElement g : groups) {
                reports += g.getAsJsonObject().get("count").getAsLong();
                repeats += g.getAsJsonObject().get("repeats").getAsLong();
            }
            assertEquals(2, reports, "the repeats record is no report: " + groups);
            assertEquals(3, repeats, groups.toString());
        }
    }
}
