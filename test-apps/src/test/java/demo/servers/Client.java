package demo.servers;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;

/** The test servers' own client: sends GET requests to the server in the same JVM and says what came back. */
final class Client {

    private final int port;

    Client(int port) {
        this.port = port;
    }

    /** The status of {@code GET path}; the body is read and dropped, so the connection is reused. */
    int get(String path) throws IOException {
        HttpURLConnection c = (HttpURLConnection) new URL("http://127.0.0.1:" + port + path).openConnection();
        c.setConnectTimeout(10_000);
        c.setReadTimeout(30_000);
        int status = c.getResponseCode();
        try (InputStream body = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
            if (body != null) {
                body.readAllBytes();
            }
        }
        return status;
    }

    /**
     * Sends {@code count} requests for {@code path} and prints how they were answered, one line:
     * {@code GET /orders/42?token=s3cret: 500 x200}.
     */
    void many(String path, int count) throws IOException {
        StringBuilder statuses = new StringBuilder();
        int last = -1;
        int run = 0;
        for (int i = 0; i < count; i++) {
            int status = get(path);
            if (status != last && run > 0) {
                statuses.append(last).append(" x").append(run).append(' ');
                run = 0;
            }
            last = status;
            run++;
        }
        if (run > 0) {
            statuses.append(last).append(" x").append(run);
        }
        System.out.println("GET " + path + ": " + statuses.toString().trim());
    }
}
