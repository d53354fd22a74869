package dev.mayday.it;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What a user finds in an outbox: reports waiting, delivered ({@code sent/}) and refused ({@code rejected/}). */
final class Outboxes {

    private Outboxes() {
    }

    static List<Path> waiting(Path outbox) throws IOException {
        return reportsIn(outbox);
    }

    static List<Path> sent(Path outbox) throws IOException {
        return reportsIn(outbox.resolve("sent"));
    }

    static List<Path> rejected(Path outbox) throws IOException {
        return reportsIn(outbox.resolve("rejected"));
    }

    static JsonObject read(Path report) throws IOException {
        return JsonParser.parseString(Files.readString(report, StandardCharsets.UTF_8)).getAsJsonObject();
    }

    /** {@code user.consent} of a report file. */
    static String consentOf(Path report) throws IOException {
        return read(report).getAsJsonObject("user").get("consent").getAsString();
    }

    /** Waits (bounded) until {@code sent/} holds {@code count} reports; returns them. */
    static List<Path> awaitSent(Path outbox, int count, long seconds) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<Path> sent = sent(outbox);
        while (sent.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(100);
            sent = sent(outbox);
        }
        return sent;
    }

    private static List<Path> reportsIn(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().collect(Collectors.toList());
        }
    }
}
