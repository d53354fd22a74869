package dev.mayday.agent.transport;

/**
 * One place reports are delivered to ({@code send=...}). A destination is used by one thread at a
 * time for one delivery pass, then closed; it may keep a connection open between reports.
 */
public interface Destination extends AutoCloseable {

    /** Delivers one report and waits until the destination acknowledged it or failed. Never throws. */
    Outcome deliver(String id, String fileName, byte[] json);

    /** The destination as the user gave it, safe to print (it holds no token). */
    String describe();

    /** Releases any connection; never throws. */
    @Override
    void close();
}
