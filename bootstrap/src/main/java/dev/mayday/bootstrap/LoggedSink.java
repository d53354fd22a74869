package dev.mayday.bootstrap;

/**
 * Where the log hooks hand a logged error (a record at the {@code logged} level that carries a
 * Throwable). The agent implements it; the call comes on the logging thread and must return at
 * once: the report is written on Mayday's thread.
 */
public interface LoggedSink {

    /**
     * @param framework {@code jul}, {@code logback} or {@code log4j2}
     * @param entry the record as the ring keeps it (its parameters are JDK values only)
     */
    void logged(Thread thread, Throwable thrown, String framework, LogEntry entry);
}
