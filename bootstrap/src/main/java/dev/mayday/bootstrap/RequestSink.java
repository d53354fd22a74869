package dev.mayday.bootstrap;

/**
 * What the agent does with a failure that escaped a server's request handler (kind {@code request}).
 * Handed to {@link RequestFailures#install(RequestSink)}; the bootstrap loader cannot see the agent.
 */
public interface RequestSink {

    /**
     * A request handler threw {@code failure} into the server, which answers 500 and goes on.
     * Called on the request's own thread, once per exception object; returns once the report is
     * on disk (or held back by {@code quiet}), never asks for consent on this thread.
     *
     * @param server which server saw it ({@code Apache Tomcat/11.0.27}, {@code jetty}, {@code netty})
     * @param method the request's HTTP method, or null where the server has no request (Netty's pipeline)
     * @param path the request's path as the server received it (no query string), or null
     */
    void requestFailed(Throwable failure, String server, String method, String path);
}
