package dev.mayday.agent.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.mayday.bootstrap.LogEntry;
import dev.mayday.bootstrap.LogRing;
import java.text.MessageFormat;
import java.time.Instant;
import java.util.List;

/** The {@code logs} of a report: the ring buffer, oldest first, formatted only now. */
final class LogsJson {

    static final int MAX_EXCEPTION_CHARS = 8192;

    JsonArray toJson(LogRing ring) {
        JsonArray logs = new JsonArray();
        if (ring == null) {
            return logs;
        }
        List<LogEntry> entries = ring.snapshot();
        for (LogEntry e : entries) {
            JsonObject log = new JsonObject();
            log.addProperty("time", Instant.ofEpochMilli(e.timeMillis()).toString());
            log.addProperty("level", e.level());
            log.addProperty("logger", e.logger());
            log.addProperty("thread", e.thread());
            log.addProperty("message", message(e));
            if (e.messageCut()) {
                log.addProperty("messageCut", true);
            }
            if (e.thrown() != null) {
                log.addProperty("exception", stackTrace(e.thrown()));
            }
            logs.add(log);
        }
        return logs;
    }

    /** java.util.logging's formatting: {0}-style parameters put in when there are any. */
    static String message(LogEntry e) {
        String message = e.message();
        Object[] params = e.parameters();
        if (message == null || params == null || params.length == 0 || message.indexOf('{') < 0) {
            return message;
        }
        try {
            String formatted = MessageFormat.format(message, params);
            return formatted.length() > LogEntry.MAX_MESSAGE_CHARS
                    ? formatted.substring(0, LogEntry.MAX_MESSAGE_CHARS) : formatted;
        } catch (Throwable ignored) {
            return message; // a parameter's toString() failed, or the pattern is not MessageFormat's
        }
    }

    static String stackTrace(Throwable t) {
        String s = MinimalReport.stackTrace(t);
        return s.length() > MAX_EXCEPTION_CHARS ? s.substring(0, MAX_EXCEPTION_CHARS) : s;
    }
}
