package dev.mayday.collector.http;

/** What answers one route. Runs on a server thread and may block; it must answer through the exchange. */
@FunctionalInterface
public interface Endpoint {
    void handle(Exchange ex) throws Exception;
}
