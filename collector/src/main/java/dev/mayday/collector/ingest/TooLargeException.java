package dev.mayday.collector.ingest;

import java.io.IOException;

/** A body, or what it inflates to, is over the size limit (413). */
public final class TooLargeException extends IOException {
    public TooLargeException(long limit) {
        super("report is larger than the limit of " + limit + " bytes");
    }
}
