package dev.mayday.collector.ws;

import com.google.gson.JsonObject;
import dev.mayday.collector.ingest.Report;
import dev.mayday.collector.ingest.ReportListener;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The dashboard's live feed ({@code /live}): {@code {"type":"report",...}} to every open
 * connection for each new report. It only speaks; what the browser sends is ignored.
 */
public final class LiveFeed implements ReportListener {

    private final Set<Session> sessions = ConcurrentHashMap.newKeySet();

    Object newSocket() {
        return new LiveSocket(sessions);
    }

    /** One browser's connection; public because Jetty calls its methods through method handles. */
    public static final class LiveSocket extends Session.Listener.AbstractAutoDemanding {
        private final Set<Session> sessions;

        LiveSocket(Set<Session> sessions) {
            this.sessions = sessions;
        }

        @Override
        public void onWebSocketOpen(Session session) {
            super.onWebSocketOpen(session);
            sessions.add(session);
        }

        @Override
        public void onWebSocketClose(int statusCode, String reason) {
            sessions.remove(getSession());
        }

        @Override
        public void onWebSocketError(Throwable cause) {
            sessions.remove(getSession());
        }
    }

    /** How many browsers listen. */
    public int listeners() {
        return sessions.size();
    }

    @Override
    public void stored(Report report) {
        JsonObject event = new JsonObject();
        event.addProperty("type", "report");
        event.addProperty("id", report.id());
        event.addProperty("signature", report.signature());
        event.addProperty("title", report.title());
        event.addProperty("kind", report.kind());
        event.addProperty("version", report.version());
        String text = event.toString();
        for (Session s : sessions) {
            if (s.isOpen()) {
                s.sendText(text, Callback.NOOP);
            } else {
                sessions.remove(s);
            }
        }
    }
}
