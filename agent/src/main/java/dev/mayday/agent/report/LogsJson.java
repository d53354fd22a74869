package dev.mayday.agent.report;

import dev.mayday.bootstrap.LogEntry;
import dev.mayday.bootstrap.LogRing;
import java.text.MessageFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code logs} of a report: the ring buffer, oldest first, formatted only now. */
final class LogsJson {

    static final int MAX_EXCEPTION_CHARS = 8192;
    private static final int MAX_CACHED_PATTERNS = 512;

    /**
     * Parsed {0}-style patterns. Programs log the same few hundred patterns over and over, and
     * parsing each one again for each of 1,000 records is most of a report's formatting time.
     */
    private SimpleMessageFormat simple;
    private final Map<String, MessageFormat> patterns = new LinkedHashMap<String, MessageFormat>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, MessageFormat> eldest) {
            return size() > MAX_CACHED_PATTERNS;
        }
    };

    LogRecords toJson(LogRing ring) {
        if (ring == null) {
            return new LogRecords(0);
        }
        List<LogEntry> entries = ring.snapshot();
        LogRecords logs = new LogRecords(entries.size());
        for (LogEntry e : entries) {
            LogRecords.Record log = new LogRecords.Record();
            log.time = IsoTime.format(e.timeMillis());
            log.level = e.level();
            log.logger = e.logger();
            log.thread = e.thread();
            log.message = message(e);
            log.messageCut = e.messageCut();
            if (e.thrown() != null) {
                log.exception = e.thrown().text(MAX_EXCEPTION_CHARS);
            }
            logs.add(log);
        }
        return logs;
    }

    /**
     * The record's text: its kept parameters (JDK values only, so no program code runs here) put
     * in by java.util.logging's rule or SLF4J's.
     */
    synchronized String message(LogEntry e) {
        String message = e.message();
        Object[] params = e.parameters();
        if (message == null || params == null || params.length == 0 || message.indexOf('{') < 0) {
            return message;
        }
        if (e.style() == LogEntry.BRACES) {
            return BraceFormat.format(message, params, LogEntry.MAX_MESSAGE_CHARS);
        }
        String simple = simpleFormat().format(message, params);
        if (simple != null) {
            return simple.length() > LogEntry.MAX_MESSAGE_CHARS ? simple.substring(0, LogEntry.MAX_MESSAGE_CHARS) : simple;
        }
        try {
            MessageFormat format = patterns.get(message);
            if (format == null) {
                format = new MessageFormat(message);
                patterns.put(message, format);
            }
            String formatted = format.format(params);
            return formatted.length() > LogEntry.MAX_MESSAGE_CHARS
                    ? formatted.substring(0, LogEntry.MAX_MESSAGE_CHARS) : formatted;
        } catch (Throwable ignored) {
            return message; // a parameter's toString() failed, or the pattern is not MessageFormat's
        }
    }

    /** The default locale's, as MessageFormat takes it for each record; made on first use. */
    private SimpleMessageFormat simpleFormat() {
        if (simple == null) {
            simple = new SimpleMessageFormat(java.util.Locale.getDefault(java.util.Locale.Category.FORMAT));
        }
        return simple;
    }

    static String stackTrace(Throwable t) {
        String s = SafeThrowable.stackTrace(t);
        return s.length() > MAX_EXCEPTION_CHARS ? s.substring(0, MAX_EXCEPTION_CHARS) : s;
    }
}
