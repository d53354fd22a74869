package dev.mayday.collector.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * PostgreSQL: any number of collectors may share one database, so every group update is a
 * single atomic upsert and deadlocks or serialization failures are retried.
 */
final class PostgresDialect implements Dialect {

    private final String url;

    PostgresDialect(String url) {
        this.url = url;
    }

    @Override
    public Connection connect() throws SQLException {
        try {
            Class.forName("org.postgresql.Driver");
        } catch (ClassNotFoundException e) {
            throw new SQLException("the PostgreSQL driver is missing", e);
        }
        return DriverManager.getConnection(url);
    }

    @Override
    public String blobType() {
        return "BYTEA";
    }

    @Override
    public boolean isTransient(SQLException e) {
        String state = e.getSQLState();
        // 40P01 deadlock, 40001 serialization failure, 23505 a racing first insert of a schema row.
        return "40P01".equals(state) || "40001".equals(state) || "23505".equals(state);
    }

    @Override
    public int readers() {
        return 8;
    }

    @Override
    public String describe() {
        int q = url.indexOf('?');
        return "PostgreSQL " + (q < 0 ? url : url.substring(0, q));
    }
}
