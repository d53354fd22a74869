package dev.mayday.agent.report;

import dev.mayday.bootstrap.LogEntry;
import java.text.MessageFormat;

/** One log record's text, its kept parameters put in (JDK values only: no program code runs). */
public final class LogMessages {

    private LogMessages() {
    }

    public static String text(LogEntry e) {
        String message = e.message();
        Object[] params = e.parameters();
        if (message == null || params == null || params.length == 0 || message.indexOf('{') < 0) {
            return message;
        }
        if (e.style() == LogEntry.BRACES) {
            return BraceFormat.format(message, params, LogEntry.MAX_MESSAGE_CHARS);
        }
        try {
            String s = MessageFormat.format(message, params);
            return s.length() > LogEntry.MAX_MESSAGE_CHARS ? s.substring(0, LogEntry.MAX_MESSAGE_CHARS) : s;
        } catch (RuntimeException bad) {
            return message;
        }
    }
}
