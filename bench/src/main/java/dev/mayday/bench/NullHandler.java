package dev.mayday.bench;

import java.util.logging.Handler;
import java.util.logging.LogRecord;

/** A java.util.logging handler that drops every record: the logging call's cost without output. */
public final class NullHandler extends Handler {

    @Override
    public void publish(LogRecord record) {
        // Dropped on purpose.
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
