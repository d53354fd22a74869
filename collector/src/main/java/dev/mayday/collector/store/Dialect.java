package dev.mayday.collector.store;

import java.sql.Connection;
import java.sql.SQLException;

/** What differs between the databases: how to connect, the blob type, per-connection settings. */
interface Dialect {

    Connection connect() throws SQLException;

    /** The column type for the raw report body. */
    String blobType();

    /** Settings applied to each new connection. */
    default void prepare(Connection c) throws SQLException {
    }

    /** Whether a failed transaction is worth retrying (deadlock, serialization, busy). */
    boolean isTransient(SQLException e);

    /** Connections that may read at once besides the writer. */
    int readers();

    /** A name for messages, never including a password. */
    String describe();
}
