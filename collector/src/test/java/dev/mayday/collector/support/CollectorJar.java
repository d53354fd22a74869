package dev.mayday.collector.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged jar ({@code collector/target/mayday-collector.jar}) in a child JVM, as a user
 * starts it, on a free port of 127.0.0.1; stopped by {@link #close()}.
 */
public final class CollectorJar implements AutoCloseable {

    public static final String JAR = System.getProperty("mayday.collector.jar", "target/mayday-collector.jar");
    public static final String INGEST = "jar-ingest-key-0123456789";
    public static final String READ = "jar-read-token-0123456789";

    public final Process process;
    public final int port;
    public final String banner;
    private final Path stderr;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private CollectorJar(Process process, int port, String banner, Path stderr) {
        this.process = process;
        this.port = port;
        this.banner = banner;
        this.stderr = stderr;
    }

    /** Starts with {@code --token INGEST --read-token READ} and the given extra flags (a fresh SQLite file unless --db is given). */
    public static CollectorJar start(Path dir, String... flags) throws IOException {
        List<String> args = new ArrayList<>(List.of("--port", "0", "--token", INGEST, "--read-token", READ));
        args.addAll(List.of(flags));
        if (!args.contains("--db")) {
            args.addAll(List.of("--db", dir.resolve("mayday-" + System.nanoTime() + ".db").toString()));
        }
        return startExactly(dir, args);
    }

    /** Starts with exactly these flags. */
    public static CollectorJar startExactly(Path dir, List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", Path.of(JAR).toAbsolutePath().toString()));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().remove("MAYDAY_TOKEN");
        pb.environment().remove("MAYDAY_READ_TOKEN");
        Path err = Files.createTempFile(dir, "stderr", ".txt");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder banner = new StringBuilder();
        String line;
        while ((line = out.readLine()) != null) {
            banner.append(line).append('\n');
            if (line.contains("storage:")) {
                break;
            }
        }
        Matcher m = Pattern.compile("https?://127\\.0\\.0\\.1:(\\d+)/").matcher(banner);
        if (!m.find()) {
            p.destroyForcibly();
            throw new AssertionError("the collector did not start: " + banner + Files.readString(err));
        }
        Thread drain = new Thread(() -> {
            try {
                while (out.readLine() != null) {
                    // keep the pipe empty
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "collector-stdout");
        drain.setDaemon(true);
        drain.start();
        return new CollectorJar(p, Integer.parseInt(m.group(1)), banner.toString(), err);
    }

    public String base() {
        return "http://127.0.0.1:" + port;
    }

    public HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, String body, String token) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The collector process's resident memory, in KiB (Linux). */
    public long rssKiB() throws IOException {
        for (String l : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
            if (l.startsWith("VmRSS:")) {
                return Long.parseLong(l.replaceAll("[^0-9]", ""));
            }
        }
        throw new IOException("no VmRSS for " + process.pid());
    }

    public String stderr() throws IOException {
        return Files.readString(stderr);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
