package dev.mayday.collector.http;

/** Who may call a route. */
public enum Access {
    /** Anyone: the dashboard's files (they hold no data) and sign-in. */
    PUBLIC,
    /** An ingest key in {@code Authorization: Bearer}; the session cookie is never accepted. */
    INGEST,
    /** The read token in {@code Authorization: Bearer}, or a dashboard session cookie. */
    READ
}
