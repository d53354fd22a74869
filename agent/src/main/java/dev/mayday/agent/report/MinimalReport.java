package dev.mayday.agent.report;

import java.nio.charset.StandardCharsets;

/**
 * The report written when building the full one failed (a bug in Mayday, or no memory left):
 * the failure's type, message and stack as text, and why the full report is missing. Written by
 * hand, without Gson, so it works when nothing else does.
 */
public final class MinimalReport {

    private static final int MAX_FRAMES = 64;

    private MinimalReport() {
    }

    /** Who the program is, for the minimal report's {@code app}: without it, it is never delivered. */
    public static final class App {
        final String name;
        final String version;
        final String mainClass;
        final long pid;
        final String agentVersion;

        public App(String name, String version, String mainClass, long pid, String agentVersion) {
            this.name = name;
            this.version = version;
            this.mainClass = mainClass;
            this.pid = pid;
            this.agentVersion = agentVersion;
        }
    }

    /** Without {@code app} and {@code user}: kept for callers that know neither. */
    public static byte[] build(String id, long timeMillis, String kind, String signature, String title,
                               Throwable failure, Throwable whyMinimal) {
        return build(id, timeMillis, kind, signature, title, failure, whyMinimal, null, null, null);
    }

    /**
     * @param app the program, or null if it could not be worked out
     * @param thread the failing thread, or null
     * @param consent {@code user.consent}, or null to leave {@code user} out
     */
    public static byte[] build(String id, long timeMillis, String kind, String signature, String title,
                               Throwable failure, Throwable whyMinimal, App app, Thread thread, String consent) {
        StringBuilder json = new StringBuilder(4096);
        json.append('{');
        field(json, "schema", ReportBuilder.SCHEMA).append(',');
        field(json, "id", id).append(',');
        field(json, "time", IsoTime.format(timeMillis)).append(',');
        field(json, "kind", kind).append(',');
        field(json, "signature", signature).append(',');
        field(json, "title", title).append(',');
        if (app != null) {
            json.append("\"app\":{");
            field(json, "name", app.name).append(',');
            field(json, "version", app.version).append(',');
            field(json, "mainClass", app.mainClass).append(',');
            json.append("\"pid\":").append(app.pid).append(',');
            field(json, "agentVersion", app.agentVersion);
            json.append("},");
        }
        if (thread != null) {
            json.append("\"thread\":{");
            field(json, "name", thread.getName()).append(',');
            json.append("\"daemon\":").append(thread.isDaemon());
            json.append("},");
        }
        json.append("\"exception\":{");
        field(json, "type", failure.getClass().getName()).append(',');
        field(json, "message", cut(SafeThrowable.message(failure), ExceptionJson.MAX_MESSAGE_CHARS)).append(',');
        frames(json, SafeThrowable.frames(failure));
        field(json, "text", cut(SafeThrowable.stackTrace(failure), 256 * 1024));
        json.append("},");
        if (consent != null) {
            json.append("\"user\":{");
            field(json, "consent", consent);
            json.append("},");
        }
        json.append("\"truncated\":[");
        quote(json, "minimal report: the full report could not be built ("
                + (whyMinimal == null ? "unknown" : SafeThrowable.line(whyMinimal)) + ")");
        json.append("]}");
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The outermost exception's first frames, in the full report's shape, so readers find them where they look. */
    private static void frames(StringBuilder json, StackTraceElement[] trace) {
        json.append("\"frames\":[");
        for (int i = 0; i < trace.length && i < MAX_FRAMES; i++) {
            StackTraceElement e = trace[i];
            if (i > 0) {
                json.append(',');
            }
            json.append('{');
            field(json, "class", e.getClassName()).append(',');
            field(json, "method", e.getMethodName());
            if (e.getFileName() != null) {
                json.append(',');
                field(json, "file", e.getFileName());
            }
            if (e.getLineNumber() >= 0) {
                json.append(",\"line\":").append(e.getLineNumber());
            }
            json.append('}');
        }
        json.append("],");
    }

    /** {@code printStackTrace} as text; never throws, whatever the throwable does. */
    static String stackTrace(Throwable t) {
        return SafeThrowable.stackTrace(t);
    }

    private static String cut(String s, int max) {
        return s != null && s.length() > max ? s.substring(0, max) : s;
    }

    private static StringBuilder field(StringBuilder json, String key, String value) {
        quote(json, key);
        json.append(':');
        if (value == null) {
            json.append("null");
        } else {
            quote(json, value);
        }
        return json;
    }

    static void quote(StringBuilder json, String s) {
        json.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"':
                    json.append("\\\"");
                    break;
                case '\\':
                    json.append("\\\\");
                    break;
                case '\n':
                    json.append("\\n");
                    break;
                case '\r':
                    json.append("\\r");
                    break;
                case '\t':
                    json.append("\\t");
                    break;
                default:
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        String hex = Integer.toHexString(c);
                        json.append("\\u").append("0000", hex.length(), 4).append(hex);
                    } else {
                        json.append(c);
                    }
            }
        }
        json.append('"');
    }
}
