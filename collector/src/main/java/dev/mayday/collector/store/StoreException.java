package dev.mayday.collector.store;

/** The database failed; the collector answers 503 and keeps running. */
public final class StoreException extends Exception {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
