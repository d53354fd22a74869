package dev.mayday.it;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real collector (collector/target/mayday-collector.jar) in a child process on 127.0.0.1, on
 * its own SQLite file, queried over its API as a user would. It runs under {@code timeout}, so it
 * ends by itself even if this test JVM is killed.
 */
final class Collector implements AutoCloseable {

    static final Path JAR = Paths.get(System.getProperty("mayday.collector.jar", "../collector/target/mayday-collector.jar"))
            .toAbsolutePath().normalize();
    /** The ingest key agents send (it can post reports and nothing else). */
    static final String TOKEN = "test-token-0123456789";
    /** The read token this class queries the collector with. */
    static final String READ_TOKEN = "test-read-token-0123456789";

    /** The one port: HTTP ingest, WebSocket ingest and the API. */
    final int port;
    private final Path directory;
    private Process process;
    private Path log;

    private Collector(Path directory, int port) {
        this.directory = directory;
        this.port = port;
    }

    /** A collector that is not started yet, on a port free now (for "down, then up" tests). */
    static Collector prepare(Path directory) throws IOException {
        return new Collector(directory, freePort());
    }

    static Collector start(Path directory) throws Exception {
        return prepare(directory).up();
    }

    Collector up() throws Exception {
        Files.createDirectories(directory);
        log = Files.createTempFile(directory, "collector", ".log");
        ProcessBuilder pb = new ProcessBuilder("timeout", "600", Jdk.current().java.toString(), "-Xmx256m", "-jar",
                JAR.toString(), "--port", String.valueOf(port),
                "--db", directory.resolve("mayday.db").toString(), "--token", TOKEN, "--read-token", READ_TOKEN,
                "--bind", "127.0.0.1")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().remove("MAYDAY_TOKEN");
        pb.environment().remove("MAYDAY_READ_TOKEN");
        process = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the collector ended at start-up:\n" + Files.readString(log));
            }
            try {
                get("/api/groups");
                return this;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("the collector did not answer within 30 s:\n" + Files.readString(log));
    }

    String httpUrl() {
        return "http://127.0.0.1:" + port + "/api/reports";
    }

    String wsUrl() {
        return "ws://127.0.0.1:" + port + "/reports";
    }

    /** Every group, most reports first. */
    JsonArray groups() throws IOException {
        return JsonParser.parseString(get("/api/groups")).getAsJsonArray();
    }

    /** How many reports the collector holds, over all groups. */
    int reportCount() throws IOException {
        int total = 0;
        for (JsonElement g : groups()) {
            total += g.getAsJsonObject().get("count").getAsInt();
        }
        return total;
    }

    /** One whole report as it was sent, or null if the collector does not have it. */
    JsonObject report(String id) throws IOException {
        HttpURLConnection c = open("/api/reports/" + id);
        if (c.getResponseCode() == 404) {
            return null;
        }
        return JsonParser.parseString(read(c)).getAsJsonObject();
    }

    /** The ids of every report the collector holds (from the groups' newest reports). */
    List<String> reportIds() throws IOException {
        List<String> ids = new ArrayList<>();
        for (JsonElement g : groups()) {
            String signature = g.getAsJsonObject().get("signature").getAsString();
            JsonObject group = JsonParser.parseString(get("/api/groups/" + signature)).getAsJsonObject();
            for (JsonElement r : group.getAsJsonArray("reports")) {
                ids.add(r.getAsJsonObject().get("id").getAsString());
            }
        }
        return ids;
    }

    String log() throws IOException {
        return log == null ? "" : Files.readString(log);
    }

    private String get(String path) throws IOException {
        HttpURLConnection c = open(path);
        if (c.getResponseCode() != 200) {
            throw new IOException(path + ": HTTP " + c.getResponseCode());
        }
        return read(c);
    }

    private HttpURLConnection open(String path) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + path).toURL().openConnection();
        c.setConnectTimeout(2000);
        c.setReadTimeout(10000);
        c.setRequestProperty("Authorization", "Bearer " + READ_TOKEN);
        return c;
    }

    private static String read(HttpURLConnection c) throws IOException {
        try (InputStream in = c.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
