package dev.mayday.collector;

import com.google.gson.JsonParser;
import dev.mayday.collector.support.CollectorJar;
import dev.mayday.collector.support.Reports;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.DataInputStream;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import static dev.mayday.collector.support.CollectorJar.INGEST;
import static dev.mayday.collector.support.CollectorJar.READ;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** HTTPS and wss:// straight from PEM files, HTTP/2 by ALPN, and h2c in the clear. */
class TlsJarIT {

    @Test
    void servesHttpsHttp2AndWssFromPemFiles(@TempDir Path dir) throws Exception {
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        openssl(dir, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(), "-out", cert.toString(),
                "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1");
        try (CollectorJar c = CollectorJar.start(dir, "--tls-cert", cert.toString(), "--tls-key", key.toString())) {
            assertTrue(c.banner.contains("https://127.0.0.1:" + c.port + "/"), c.banner);
            assertTrue(c.banner.contains("wss://127.0.0.1:" + c.port + "/reports"), c.banner);
            SSLContext tls = trusting(cert);
            HttpClient h2 = HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_2).build();
            String base = "https://127.0.0.1:" + c.port;
            HttpResponse<String> posted = h2.send(HttpRequest.newBuilder(URI.create(base + "/api/reports"))
                    .header("Authorization", "Bearer " + INGEST)
                    .POST(HttpRequest.BodyPublishers.ofString(Reports.sample("tls-1", "sig-tls", null).toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(201, posted.statusCode(), posted.body());
            assertEquals(HttpClient.Version.HTTP_2, posted.version(), "HTTP/2 by ALPN");
            // A report of the usual size fits in HTTP/2's flow-control window: refused without being read,
            // it is still answered at once (a body past the window waits for a client that reads the answer
            // early; the JDK's HttpClient does not, see the README).
            String big = Reports.sample("tls-big", "sig-tls", null).toString();
            long t0 = System.nanoTime();
            HttpResponse<String> wrong = h2.send(HttpRequest.newBuilder(URI.create(base + "/api/reports"))
                    .header("Authorization", "Bearer wrong-key-0123456789abc")
                    .POST(HttpRequest.BodyPublishers.ofString(big)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(401, wrong.statusCode(), wrong.body());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms < 5_000, "a refused HTTP/2 upload is answered at once, not after the idle timeout: " + ms + " ms");
            HttpResponse<String> groups = h2.send(HttpRequest.newBuilder(URI.create(base + "/api/groups"))
                    .header("Authorization", "Bearer " + READ).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, groups.statusCode());
            assertTrue(groups.body().contains("sig-tls"));
            HttpResponse<String> signIn = h2.send(HttpRequest.newBuilder(URI.create(base + "/api/session"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"" + READ + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertTrue(signIn.headers().firstValue("Set-Cookie").orElseThrow().contains("Secure"), "over TLS the cookie is Secure");

            CompletableFuture<String> answer = new CompletableFuture<>();
            WebSocket ws = h2.newWebSocketBuilder().header("Authorization", "Bearer " + INGEST)
                    .buildAsync(URI.create("wss://127.0.0.1:" + c.port + "/reports"), new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                            answer.complete(data.toString());
                            return null;
                        }
                    }).get(20, TimeUnit.SECONDS);
            ws.sendText(Reports.sample("tls-2", "sig-tls", null).toString(), true);
            assertEquals("tls-2", JsonParser.parseString(answer.get(20, TimeUnit.SECONDS)).getAsJsonObject().get("ack").getAsString());
            ws.abort();
        }
    }

    @Test
    void aTraditionalRsaKeyWorksAndAnEncryptedOneIsOneClearLine(@TempDir Path dir) throws Exception {
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        openssl(dir, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(), "-out", cert.toString(),
                "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1");
        Path pkcs1 = dir.resolve("pkcs1.pem");
        openssl(dir, "rsa", "-in", key.toString(), "-traditional", "-out", pkcs1.toString());
        assertTrue(Files.readString(pkcs1).contains("BEGIN RSA PRIVATE KEY"));
        try (CollectorJar c = CollectorJar.start(dir, "--tls-cert", cert.toString(), "--tls-key", pkcs1.toString())) {
            HttpClient client = HttpClient.newBuilder().sslContext(trusting(cert)).build();
            assertEquals(200, client.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + c.port + "/")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
        }
        Path encrypted = dir.resolve("encrypted.pem");
        openssl(dir, "pkcs8", "-topk8", "-in", key.toString(), "-out", encrypted.toString(), "-passout", "pass:secret");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                Path.of(CollectorJar.JAR).toAbsolutePath().toString(), "--port", "0", "--db", dir.resolve("e.db").toString(),
                "--tls-cert", cert.toString(), "--tls-key", encrypted.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue(), out);
        assertTrue(out.startsWith("mayday-collector: cannot start: --tls-key") && out.contains("openssl"), out);
        assertEquals(1, out.lines().count(), out);
    }

    @Test
    void http2InTheClearWithPriorKnowledge(@TempDir Path dir) throws Exception {
        try (CollectorJar c = CollectorJar.start(dir); Socket s = new Socket("127.0.0.1", c.port)) {
            s.setSoTimeout(10_000);
            byte[] preface = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
            byte[] emptySettings = {0, 0, 0, 4, 0, 0, 0, 0, 0};
            s.getOutputStream().write(preface);
            s.getOutputStream().write(emptySettings);
            InputStream in = s.getInputStream();
            byte[] frame = new DataInputStream(in).readNBytes(9);
            assertEquals(9, frame.length);
            assertEquals(4, frame[3], "the server's first HTTP/2 frame is SETTINGS");
        }
    }

    private static SSLContext trusting(Path certFile) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(certFile)) {
            trust.setCertificateEntry("collector", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }

    private static void openssl(Path dir, String... args) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl is not installed");
        List<String> cmd = new java.util.ArrayList<>(List.of("/usr/bin/openssl"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "openssl " + String.join(" ", args) + ": " + out);
    }
}
