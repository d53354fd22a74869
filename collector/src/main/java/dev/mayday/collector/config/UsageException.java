package dev.mayday.collector.config;

/** A bad command line: the message is the one line the user sees before exit code 2. */
public final class UsageException extends Exception {
    public UsageException(String message) {
        super(message);
    }
}
