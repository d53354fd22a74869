package dev.mayday.collector.ws;

import com.google.gson.JsonObject;
import dev.mayday.collector.auth.AddressThrottle;
import dev.mayday.collector.auth.Credentials.IngestKey;
import dev.mayday.collector.ingest.Ingestor;
import dev.mayday.collector.ingest.InvalidReportException;
import dev.mayday.collector.ingest.RateLimiter;
import dev.mayday.collector.ingest.Report;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One agent's connection to {@code /reports}: each text message is one report, answered after
 * the commit with {@code {"ack":"<id>"}} or {@code {"error":"...","id":"<id>"}}, every time.
 * {@code "retry":true} marks an error that says nothing against the report (rate, storage, a key
 * bound to another app), so the agent keeps it and sends it again later.
 */
public final class ReportSocket extends Session.Listener.AbstractAutoDemanding {

    private final Ingestor ingestor;
    private final RateLimiter limiter;
    private final AddressThrottle throttle;
    private final IngestKey key;
    private final String address;

    ReportSocket(Ingestor ingestor, RateLimiter limiter, AddressThrottle throttle, IngestKey key, String address) {
        this.ingestor = ingestor;
        this.limiter = limiter;
        this.throttle = throttle;
        this.key = key;
        this.address = address;
    }

    @Override
    public void onWebSocketText(String message) {
        Session session = getSession();
        try {
            handle(session, message);
        } catch (RuntimeException e) {
            send(session, error("internal error: " + e.getClass().getSimpleName(), null, true));
        }
    }

    private void handle(Session session, String message) {
        if (!limiter.tryAcquire(key.id())) {
            send(session, error("too many reports per second for this key; retry later", null, true));
            return;
        }
        Report report;
        try {
            report = ingestor.parse(message.getBytes(StandardCharsets.UTF_8));
        } catch (InvalidReportException e) {
            limiter.refund(key.id());
            send(session, error(e.getMessage(), e.reportId(), false));
            return;
        }
        if (!key.mayWrite(report.appName())) {
            limiter.refund(key.id());
            send(session, error("this key may only send reports of app \"" + key.app() + "\", not \""
                    + report.appName() + "\"", report.id(), true));
            return;
        }
        // Acknowledge once committed, without holding this thread for the commit.
        ingestor.store(report).whenComplete((fresh, failure) -> {
            if (failure == null) {
                JsonObject ack = new JsonObject();
                ack.addProperty("ack", report.id());
                send(session, ack);
            } else {
                Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                send(session, error("could not store the report: " + cause.getMessage(), report.id(), true));
            }
        });
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        callback.succeed();
        send(getSession(), error("send each report as one text message (UTF-8 JSON), not binary", null, false));
    }

    private static JsonObject error(String message, String id, boolean retry) {
        JsonObject o = new JsonObject();
        o.addProperty("error", message);
        if (id != null) {
            o.addProperty("id", id);
        }
        if (retry) {
            o.addProperty("retry", true);
        }
        return o;
    }

    private static void send(Session session, JsonObject o) {
        if (session != null && session.isOpen()) {
            session.sendText(o.toString(), Callback.NOOP); // a closed connection: the agent resends what was not acknowledged
        }
    }
}
