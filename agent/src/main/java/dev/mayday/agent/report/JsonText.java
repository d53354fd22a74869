package dev.mayday.agent.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A report's JSON tree as compact UTF-8 text, the same text Gson writes with HTML escaping off and
 * nulls kept, without a {@code Gson} instance: creating one builds dozens of type adapters by
 * reflection, and on the first report of a JVM that (with its interpretation) cost tens of
 * milliseconds of the crash-to-disk budget. A tree walk into one StringBuilder is all a report needs.
 */
final class JsonText {

    private JsonText() {
    }

    static byte[] bytes(JsonElement json) {
        StringBuilder out = new StringBuilder(64 * 1024);
        write(out, json);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static void write(StringBuilder out, JsonElement e) {
        if (e == null || e.isJsonNull()) {
            out.append("null");
        } else if (e.isJsonObject()) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, JsonElement> member : ((JsonObject) e).entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                quote(out, member.getKey());
                out.append(':');
                write(out, member.getValue());
            }
            out.append('}');
        } else if (e.isJsonArray()) {
            out.append('[');
            JsonArray array = (JsonArray) e;
            for (int i = 0; i < array.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(out, array.get(i));
            }
            out.append(']');
        } else {
            JsonPrimitive p = (JsonPrimitive) e;
            if (p.isString()) {
                quote(out, p.getAsString());
            } else if (p.isBoolean()) {
                out.append(p.getAsBoolean());
            } else {
                Number n = p.getAsNumber();
                if ((n instanceof Double && !Double.isFinite(n.doubleValue()))
                        || (n instanceof Float && !Float.isFinite(n.floatValue()))) {
                    out.append("null");
                } else {
                    out.append(n.toString());
                }
            }
        }
    }

    /** A JSON string as Gson writes it without HTML escaping. */
    static void quote(StringBuilder out, String s) {
        out.append('"');
        int from = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            String replacement;
            if (c == '"') {
                replacement = "\\\"";
            } else if (c == '\\') {
                replacement = "\\\\";
            } else if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                replacement = control(c);
            } else {
                continue;
            }
            out.append(s, from, i).append(replacement);
            from = i + 1;
        }
        out.append(s, from, n).append('"');
    }

    private static String control(char c) {
        switch (c) {
            case '\t':
                return "\\t";
            case '\b':
                return "\\b";
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            case '\f':
                return "\\f";
            default:
                String hex = Integer.toHexString(c);
                return "\\u" + "0000".substring(hex.length()) + hex;
        }
    }
}
