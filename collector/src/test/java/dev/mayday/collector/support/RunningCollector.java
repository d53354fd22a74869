package dev.mayday.collector.support;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.mayday.collector.Collector;
import dev.mayday.collector.config.CollectorOptions;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;

/** A real collector on free ports of 127.0.0.1 with a fresh SQLite file, and a client for it. */
public final class RunningCollector implements AutoCloseable {

    /** The ingest key tests post with. */
    public static final String TOKEN = "test-ingest-key-0123456789";
    /** The read token tests read with (collectors started by {@link #start(Path)}). */
    public static final String READ = "test-read-token-0123456789";

    public final Collector collector;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RunningCollector(Collector collector) {
        this.collector = collector;
    }

    public static RunningCollector start(Path dir) throws Exception {
        return start(CollectorOptions.forTest(dir.resolve("mayday.db").toString(), TOKEN, READ));
    }

    public static RunningCollector start(CollectorOptions options) throws Exception {
        return new RunningCollector(Collector.start(options));
    }

    public String base() {
        return "http://127.0.0.1:" + collector.port();
    }

    public String ws() {
        return "ws://127.0.0.1:" + collector.port();
    }

    public HttpResponse<String> post(String body) throws IOException, InterruptedException {
        return post(body.getBytes(StandardCharsets.UTF_8), false, TOKEN);
    }

    public HttpResponse<String> post(JsonObject report) throws IOException, InterruptedException {
        return post(report.toString());
    }

    public HttpResponse<String> post(byte[] body, boolean gzip, String token) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + "/api/reports"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (gzip) {
            b.header("Content-Encoding", "gzip");
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET with the collector's read token. */
    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return get(path, collector.readToken());
    }

    public HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(30)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    public JsonArray groups(String query) throws IOException, InterruptedException {
        HttpResponse<String> r = get("/api/groups" + query);
        if (r.statusCode() != 200) {
            throw new AssertionError("GET /api/groups" + query + " answered " + r.statusCode() + ": " + r.body());
        }
        return JsonParser.parseString(r.body()).getAsJsonArray();
    }

    public JsonObject group(String signature) throws IOException, InterruptedException {
        HttpResponse<String> r = get("/api/groups/" + signature);
        if (r.statusCode() != 200) {
            throw new AssertionError("GET group answered " + r.statusCode() + ": " + r.body());
        }
        return JsonParser.parseString(r.body()).getAsJsonObject();
    }

    /** The count of one group as the API shows it, 0 when absent. */
    public long count(String signature) throws IOException, InterruptedException {
        for (JsonElement g : groups("?limit=5000")) {
            if (g.getAsJsonObject().get("signature").getAsString().equals(signature)) {
                return g.getAsJsonObject().get("count").getAsLong();
            }
        }
        return 0;
    }

    public static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    public static Path tempDir() throws IOException {
        return Files.createTempDirectory("mayday-test");
    }

    @Override
    public void close() {
        collector.close();
    }
}
