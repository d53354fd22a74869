package dev.mayday.collector.support;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A throw-away schema on the test PostgreSQL server named by {@code MAYDAY_TEST_PG_URL}
 * (or the file ci/services.sh writes). Without a reachable server the test is skipped,
 * with a message on stderr saying how to get one.
 */
public final class Postgres implements AutoCloseable {

    public final String url;
    private final String baseUrl;
    private final String schema;

    private Postgres(String baseUrl, String schema) {
        this.baseUrl = baseUrl;
        this.schema = schema;
        this.url = baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public static Postgres freshSchema() throws Exception {
        String base = configuredUrl();
        if (base == null) {
            skip("MAYDAY_TEST_PG_URL is not set");
        }
        String schema = "mayday_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            skip("PostgreSQL at " + base.replaceAll("password=[^&]*", "password=***") + " is not reachable: " + e.getMessage());
        }
        return new Postgres(base, schema);
    }

    private static void skip(String why) {
        String message = "SKIPPED PostgreSQL test: " + why
                + ". Run `bash ci/services.sh start` as root to install and start one.";
        System.err.println(message);
        if ("true".equals(System.getenv("CI"))) {
            // CI starts a server (.ci/run starts it through ci/with-services.sh): not reaching it there is a broken run, not a skip.
            throw new IllegalStateException("CI=true: " + message);
        }
        Assumptions.abort(message);
    }

    static String configuredUrl() throws Exception {
        String url = System.getenv("MAYDAY_TEST_PG_URL");
        if (url != null && !url.isBlank()) {
            return url;
        }
        Path file = Path.of(System.getenv().getOrDefault("MAYDAY_CI_ENV", "/tmp/mayday-ci.env"));
        if (Files.isReadable(file)) {
            for (String line : Files.readAllLines(file)) {
                String prefix = "export MAYDAY_TEST_PG_URL=";
                if (line.startsWith(prefix)) {
                    return line.substring(prefix.length()).replace("'", "");
                }
            }
        }
        return null;
    }

    /** Ends every other session of the test user, as a server restart would; returns how many. */
    public int terminateOtherSessions() throws SQLException {
        try (Connection c = DriverManager.getConnection(baseUrl); Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                     + " WHERE usename = current_user AND pid <> pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Override
    public void close() throws Exception {
        try (Connection c = DriverManager.getConnection(baseUrl); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }
}
