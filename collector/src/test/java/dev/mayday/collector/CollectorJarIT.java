package dev.mayday.collector;

import dev.mayday.collector.support.Reports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The packaged jar as a user starts it: {@code java -jar collector/target/mayday-collector.jar}. */
class CollectorJarIT {

    private static final String JAR = System.getProperty("mayday.collector.jar", "target/mayday-collector.jar");

    @Test
    void startsWithDefaultsPrintsAGeneratedTokenAndServes(@TempDir Path dir) throws Exception {
        Process p = start(dir, List.of("--port", "0"), null);
        try {
            List<String> banner = readBanner(p);
            String text = String.join("\n", banner);
            Matcher url = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/").matcher(text);
            assertTrue(url.find(), text);
            Matcher token = Pattern.compile("generated ingest key: (\\S+)").matcher(text);
            assertTrue(token.find(), "a generated ingest key is printed: " + text);
            Matcher read = Pattern.compile("generated read token: (\\S+)").matcher(text);
            assertTrue(read.find(), "a generated read token is printed: " + text);
            assertTrue(text.contains("ws://127.0.0.1:" + url.group(1) + "/reports"), "WebSocket on the same port: " + text);
            assertTrue(Files.exists(dir.resolve("mayday.db")), "mayday.db in the working directory");
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(dir.resolve("mayday.db"))), "the database is readable by its owner only");

            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + url.group(1);
            HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(base + "/api/reports"))
                    .header("Authorization", "Bearer " + token.group(1))
                    .POST(HttpRequest.BodyPublishers.ofString(Reports.sample("jar-1", null, null).toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(201, posted.statusCode(), posted.body());
            HttpResponse<String> groups = http.send(HttpRequest.newBuilder(URI.create(base + "/api/groups"))
                    .header("Authorization", "Bearer " + read.group(1)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, groups.statusCode(), groups.body());
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("<title>Mayday</title>"));
        } finally {
            p.destroy();
            assertTrue(p.waitFor(20, TimeUnit.SECONDS), "stops on SIGTERM");
        }
        String err = stderr(p);
        assertFalse(err.contains("SLF4J"), "no SLF4J warning: " + err);
    }

    @Test
    void tokenFromTheEnvironmentIsUsedAndNotPrinted(@TempDir Path dir) throws Exception {
        Process p = start(dir, List.of("--port", "0", "--db", dir.resolve("x.db").toString()), "env-ingest-secret-1234");
        try {
            String text = String.join("\n", readBanner(p));
            assertFalse(text.contains("env-ingest-secret-1234"));
            assertFalse(text.contains("env-read-secret-12345"));
            assertFalse(text.contains("generated"), text);
            Matcher url = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/").matcher(text);
            assertTrue(url.find());
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + url.group(1) + "/api/groups"))
                    .header("Authorization", "Bearer env-read-secret-12345").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
        } finally {
            p.destroy();
            p.waitFor(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void badFlagIsOneLineAndExitCode2(@TempDir Path dir) throws Exception {
        for (List<String> args : List.of(List.of("--nope"), List.of("--port", "x"), List.of("--max-report-bytes", "-5"),
                List.of("--token", "short"), List.of("--read-token", "0123456789"), List.of("--ws-port", "8687"))) {
            Process p = start(dir, args, null);
            assertTrue(p.waitFor(20, TimeUnit.SECONDS));
            assertEquals(2, p.exitValue(), args.toString());
            String err = stderr(p).strip();
            assertEquals(1, err.lines().count(), err);
            assertTrue(err.startsWith("mayday-collector: "), err);
        }
    }

    @Test
    void portInUseIsAClearErrorAndExitCode1(@TempDir Path dir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            Process p = start(dir, List.of("--port", String.valueOf(taken.getLocalPort())), "port-test-key-0123456789");
            assertTrue(p.waitFor(20, TimeUnit.SECONDS));
            assertEquals(1, p.exitValue());
            String err = stderr(p).strip();
            assertTrue(err.contains("in use"), err);
            assertFalse(err.contains("\tat "), "no stack trace: " + err);
        }
    }

    private static Process start(Path dir, List<String> args, String envToken) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Path.of(JAR).toAbsolutePath().toString()));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().remove("MAYDAY_TOKEN");
        pb.environment().remove("MAYDAY_READ_TOKEN");
        if (envToken != null) {
            pb.environment().put("MAYDAY_TOKEN", envToken);
            pb.environment().put("MAYDAY_READ_TOKEN", "env-read-secret-12345");
        }
        Path err = Files.createTempFile(dir, "stderr", ".txt");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        STDERR.put(p, err);
        return p;
    }

    private static final java.util.Map<Process, Path> STDERR = new java.util.concurrent.ConcurrentHashMap<>();

    /** What the process wrote on stderr so far (kept in a file, so it survives the process). */
    private static String stderr(Process p) throws IOException {
        return Files.readString(STDERR.get(p), StandardCharsets.UTF_8);
    }

    /** Reads stdout until the storage line (the banner's last fixed line) plus the optional token line. */
    private static List<String> readBanner(Process p) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = out.readLine()) != null) {
            lines.add(line);
            if (line.contains("storage:")) {
                break;
            }
        }
        if (lines.isEmpty() || !lines.get(lines.size() - 1).contains("storage:")) {
            throw new AssertionError("collector did not start: " + lines + " "
                    + stderr(p));
        }
        // the generated key lines, when there are any, follow at once; env tokens print none
        long deadline = System.currentTimeMillis() + 2000;
        while (System.currentTimeMillis() < deadline && lines.size() < 6) {
            if (out.ready()) {
                lines.add(out.readLine());
                continue;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return lines;
    }
}
