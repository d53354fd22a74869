package dev.mayday.agent.report;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The report written when building the full one failed (a bug in Mayday, or no memory left):
 * the failure's type, message and stack as text, and why the full report is missing. Written by
 * hand, without Gson, so it works when nothing else does.
 */
public final class MinimalReport {

    private MinimalReport() {
    }

    public static byte[] build(String id, long timeMillis, String kind, String signature, String title,
                               Throwable failure, Throwable whyMinimal) {
        StringBuilder json = new StringBuilder(4096);
        json.append('{');
        field(json, "schema", ReportBuilder.SCHEMA).append(',');
        field(json, "id", id).append(',');
        field(json, "time", Instant.ofEpochMilli(timeMillis).toString()).append(',');
        field(json, "kind", kind).append(',');
        field(json, "signature", signature).append(',');
        field(json, "title", title).append(',');
        json.append("\"exception\":{");
        field(json, "type", failure.getClass().getName()).append(',');
        field(json, "message", ExceptionJson.safeMessage(failure)).append(',');
        field(json, "text", cut(stackTrace(failure), 256 * 1024));
        json.append("},");
        json.append("\"truncated\":[");
        quote(json, "minimal report: the full report could not be built (" + whyMinimal + ")");
        json.append("]}");
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code printStackTrace} as text; never throws, whatever the throwable does. */
    static String stackTrace(Throwable t) {
        try {
            StringWriter text = new StringWriter();
            t.printStackTrace(new PrintWriter(text));
            return text.toString();
        } catch (Throwable e) {
            return t.getClass().getName();
        }
    }

    private static String cut(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
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
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
            }
        }
        json.append('"');
    }
}
