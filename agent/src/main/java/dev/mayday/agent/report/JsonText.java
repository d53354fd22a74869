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
        new JsonText.Writer(out).write(json);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static void write(StringBuilder out, JsonElement e) {
        new JsonText.Writer(out).write(e);
    }

    /**
     * One serialisation. Written for the first report, which runs interpreted: {@code instanceof}
     * rather than Gson's {@code isJsonObject()} calls, and each string scanned as a char array
     * (one bulk copy) rather than a {@code charAt} call per character.
     */
    static final class Writer {
        private final StringBuilder out;
        private char[] chars = new char[256];

        Writer(StringBuilder out) {
            this.out = out;
        }

        StringBuilder out() {
            return out;
        }

        void quoteOrNull(String s) {
            if (s == null) {
                out.append("null");
            } else {
                quote(s);
            }
        }

        void write(JsonElement e) {
            if (e instanceof JsonObject) {
                out.append('{');
                boolean first = true;
                for (Map.Entry<String, JsonElement> member : ((JsonObject) e).entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    quote(member.getKey());
                    out.append(':');
                    write(member.getValue());
                }
                out.append('}');
            } else if (e instanceof JsonArray) {
                out.append('[');
                JsonArray array = (JsonArray) e;
                int size = array.size();
                for (int i = 0; i < size; i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(array.get(i));
                }
                out.append(']');
            } else if (e instanceof LogRecords) {
                ((LogRecords) e).writeTo(this);
            } else if (e instanceof JsonPrimitive) {
                JsonPrimitive p = (JsonPrimitive) e;
                if (p.isString()) {
                    quote(p.getAsString());
                } else if (p.isBoolean()) {
                    out.append(p.getAsBoolean());
                } else {
                    Number n = p.getAsNumber();
                    if ((n instanceof Double && !Double.isFinite(n.doubleValue()))
                            || (n instanceof Float && !Float.isFinite(n.floatValue()))) {
                        out.append("null");
                    } else if (n instanceof Long || n instanceof Integer) {
                        out.append(n.longValue());
                    } else {
                        out.append(n.toString());
                    }
                }
            } else {
                out.append("null"); // JsonNull, or a null left in a tree
            }
        }

        /** A JSON string as Gson writes it without HTML escaping. */
        void quote(String s) {
            int n = s.length();
            if (chars.length < n) {
                chars = new char[Math.max(n, chars.length * 2)];
            }
            char[] c = chars;
            s.getChars(0, n, c, 0);
            out.append('"');
            int from = 0;
            for (int i = 0; i < n; i++) {
                char ch = c[i];
                if (ch >= 0x20 && ch != '"' && ch != '\\' && ch < 0x2028) {
                    continue;
                }
                String replacement;
                if (ch == '"') {
                    replacement = "\\\"";
                } else if (ch == '\\') {
                    replacement = "\\\\";
                } else if (ch < 0x20 || ch == '\u2028' || ch == '\u2029') {
                    replacement = control(ch);
                } else {
                    continue;
                }
                out.append(c, from, i - from).append(replacement);
                from = i + 1;
            }
            out.append(c, from, n - from).append('"');
        }
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
