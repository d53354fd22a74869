package dev.mayday.collector.http;

import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.ssl.SslConnection;
import org.eclipse.jetty.io.ssl.SslHandshakeListener;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.thread.Scheduler;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Cuts connections that take too long before there is a request to answer: a TLS handshake not
 * done, or request headers (a WebSocket handshake included) not complete, {@code seconds} after
 * they began. The idle timeout alone does not do it: a client sending one byte every few
 * seconds is never idle. Checked once a second on the server's scheduler.
 */
final class HeaderDeadline extends AbstractLifeCycle implements Connection.Listener {

    private final long limitNanos;
    private final Scheduler scheduler;
    private final Map<Connection, long[]> watched = new ConcurrentHashMap<>();
    private volatile Scheduler.Task task;

    HeaderDeadline(Scheduler scheduler, long millis) {
        this.scheduler = scheduler;
        this.limitNanos = TimeUnit.MILLISECONDS.toNanos(millis);
    }

    @Override
    protected void doStart() {
        schedule();
    }

    @Override
    protected void doStop() {
        Scheduler.Task t = task;
        if (t != null) {
            t.cancel();
        }
        watched.clear();
    }

    private void schedule() {
        task = scheduler.schedule(this::sweep, 500, TimeUnit.MILLISECONDS);
    }

    @Override
    public void onOpened(Connection connection) {
        if (connection instanceof SslConnection ssl) {
            long[] state = {System.nanoTime(), 0};
            watched.put(connection, state);
            ssl.addHandshakeListener(new SslHandshakeListener() {
                @Override
                public void handshakeSucceeded(Event event) {
                    watched.remove(connection);
                }
            });
        } else if (connection instanceof HttpConnection) {
            // {since, messages seen then}: since is 0 while the parser waits for a request
            watched.put(connection, new long[] {0, -1});
        }
    }

    @Override
    public void onClosed(Connection connection) {
        watched.remove(connection);
    }

    private void sweep() {
        try {
            long now = System.nanoTime();
            for (Map.Entry<Connection, long[]> e : watched.entrySet()) {
                Connection c = e.getKey();
                long[] state = e.getValue();
                if (!c.getEndPoint().isOpen() || c.getEndPoint().getConnection() != c) {
                    watched.remove(c); // closed, or upgraded to WebSocket or HTTP/2
                    continue;
                }
                if (c instanceof HttpConnection http) {
                    boolean inHeaders = !http.getParser().isStart() && http.getParser().inHeaderState();
                    long messages = http.getMessagesIn();
                    if (!inHeaders || messages != state[1]) {
                        state[0] = inHeaders ? now : 0;
                        state[1] = messages;
                        continue;
                    }
                    if (state[0] == 0) {
                        state[0] = now;
                    }
                }
                if (state[0] != 0 && now - state[0] > limitNanos) {
                    watched.remove(c);
                    c.getEndPoint().close();
                }
            }
        } finally {
            if (isRunning()) {
                schedule();
            }
        }
    }
}
