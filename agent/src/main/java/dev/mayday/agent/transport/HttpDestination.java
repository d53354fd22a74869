package dev.mayday.agent.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/**
 * {@code send=http(s)://HOST:PORT/api/reports}: one gzip-compressed POST per report with
 * {@code Authorization: Bearer TOKEN}. 200 and 201 mean the collector has it (201 new, 200 it had
 * this id already); 401, 429 and 5xx mean try later (a 5xx for this report only); any other 4xx means the collector will never
 * take this report.
 */
final class HttpDestination implements Destination {

    static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    static final int READ_TIMEOUT_MILLIS = 15_000;
    /** The most one report's exchange may take, however the collector answers. */
    static final long DELIVERY_DEADLINE_MILLIS = 30_000;

    private final URI uri;
    private final String token;

    HttpDestination(URI uri, String token) {
        this.uri = uri;
        this.token = token;
    }

    @Override
    public Outcome deliver(String id, String fileName, byte[] json) {
        HttpURLConnection connection = null;
        Deadline.Armed deadline = null;
        try {
            byte[] body = gzip(json);
            connection = (HttpURLConnection) uri.toURL().openConnection();
            // The timeouts bound each wait; a collector trickling its answer a byte at a time passes
            // them all, so the whole exchange also has a deadline that cuts the connection.
            final HttpURLConnection cut = connection;
            deadline = Deadline.arm(DELIVERY_DEADLINE_MILLIS, new Runnable() {
                @Override
                public void run() {
                    cut.disconnect();
                }
            });
            connection.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
            connection.setReadTimeout(READ_TIMEOUT_MILLIS);
            connection.setInstanceFollowRedirects(false);
            connection.setUseCaches(false);
            connection.setDoOutput(true);
            connection.setRequestMethod("POST");
            connection.setFixedLengthStreamingMode(body.length);
            connection.setRequestProperty("Content-Type", "application/json; charset=utf-8");
            connection.setRequestProperty("Content-Encoding", "gzip");
            connection.setRequestProperty("User-Agent", "mayday-agent");
            if (token != null) {
                connection.setRequestProperty("Authorization", "Bearer " + token);
            }
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
            int status = connection.getResponseCode();
            String answer = readAnswer(connection, status);
            if (deadline.expired()) {
                return overDeadline();
            }
            return outcome(status, answer);
        } catch (IOException | RuntimeException e) {
            return deadline != null && deadline.expired() ? overDeadline() : Outcome.failed(Failures.describe(e, uri));
        } finally {
            if (deadline != null) {
                deadline.cancel();
            }
            if (connection != null) {
                connection.disconnect();
            }
        }
    }

    private Outcome overDeadline() {
        return Outcome.failed("no complete answer from " + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                + " within " + DELIVERY_DEADLINE_MILLIS / 1000 + " s");
    }

    static Outcome outcome(int status, String answer) {
        if (status == 200 || status == 201) {
            return Outcome.delivered();
        }
        String said = answer.isEmpty() ? "" : ": " + Failures.shorten(answer, 300);
        if (status == 401 || status == 403) {
            return Outcome.failed("the collector refused the token (HTTP " + status + said + ")");
        }
        if (status == 429) {
            return Outcome.failed("the collector is busy (HTTP 429, too many reports)");
        }
        if (status >= 400 && status < 500) {
            return Outcome.rejected("HTTP " + status + said);
        }
        // A 5xx is about this report (the collector failed storing it): the next ones may go.
        return Outcome.failedThisReport("the collector answered HTTP " + status + said);
    }

    private static String readAnswer(HttpURLConnection connection, int status) {
        try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
            if (in == null) {
                return "";
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            byte[] buffer = new byte[1024];
            int n;
            while ((n = in.read(buffer)) > 0 && bytes.size() < 4096) {
                bytes.write(buffer, 0, n);
            }
            return bytes.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static byte[] gzip(byte[] json) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(json.length / 4 + 64);
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(json);
        }
        return bytes.toByteArray();
    }

    @Override
    public String describe() {
        return Destinations.describe(uri.toString());
    }

    @Override
    public void close() {
        // one connection per report; the JDK keeps alive what it can
    }
}
