package dev.mayday.collector.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * SQLite in WAL mode: readers never wait for the single writer. {@code synchronous=NORMAL}
 * is safe with WAL (a power cut may lose the last commits, never corrupt the file) and is what
 * makes thousands of small commits a second possible.
 */
final class SqliteDialect implements Dialect {

    private final String url;
    private final String file;

    SqliteDialect(String db) {
        this.file = db.startsWith("jdbc:sqlite:") ? db.substring("jdbc:sqlite:".length()) : db;
        this.url = "jdbc:sqlite:" + file;
    }

    @Override
    public Connection connect() throws SQLException {
        try {
            Class.forName("org.sqlite.JDBC");
        } catch (ClassNotFoundException e) {
            throw new SQLException("sqlite-jdbc is missing", e);
        }
        // Without this, the driver asks SQLite for the last row id after every insert, which the
        // collector never reads: a measurable share of ingest time.
        createPrivately();
        org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
        config.setGetGeneratedKeys(false);
        return DriverManager.getConnection(url, config.toProperties());
    }

    /**
     * Creates a new database file readable by its owner only ({@code 0600}): it holds every user's
     * e-mail, comments and environment. SQLite gives its WAL and shared-memory files the same mode.
     */
    private void createPrivately() throws SQLException {
        if (file.isEmpty() || file.startsWith(":memory:") || file.startsWith("file:")) {
            return;
        }
        java.nio.file.Path path = java.nio.file.Path.of(file);
        if (java.nio.file.Files.exists(path)) {
            return;
        }
        try {
            java.nio.file.Files.createFile(path, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
        } catch (java.nio.file.FileAlreadyExistsException raced) {
            // another connection of this collector created it a moment ago
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file is created by SQLite with the directory's permissions
        } catch (java.io.IOException e) {
            throw new SQLException("cannot create " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void prepare(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=NORMAL");
            s.execute("PRAGMA busy_timeout=10000");
            s.execute("PRAGMA cache_size=-65536");
            s.execute("PRAGMA temp_store=MEMORY");
            // Checkpoint every ~64 MB of WAL rather than every 4 MB: fewer fsyncs while ingesting.
            s.execute("PRAGMA wal_autocheckpoint=16384");
        }
    }

    @Override
    public String blobType() {
        return "BLOB";
    }

    @Override
    public boolean isTransient(SQLException e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("SQLITE_BUSY") || m.contains("database is locked");
    }

    @Override
    public int readers() {
        return 4;
    }

    @Override
    public String describe() {
        return "SQLite " + file;
    }
}
