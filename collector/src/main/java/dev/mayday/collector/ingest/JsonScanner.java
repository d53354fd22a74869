package dev.mayday.collector.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/**
 * One pass of strict JSON (RFC 8259) over raw UTF-8 bytes that keeps only a few string values:
 * chosen top-level keys, and chosen keys of chosen top-level objects. Everything else is checked
 * and skipped without building strings or trees, which makes validating a 30 KB report several
 * times cheaper than a general parser; ingest speed is a budget. Malformed UTF-8, control
 * characters in strings, bad escapes, trailing data and nesting deeper than {@link #MAX_DEPTH}
 * are all rejected.
 */
final class JsonScanner {

    static final int MAX_DEPTH = 200;

    /**
     * A captured value of the wrong JSON type: says what was found, for the error message. For a
     * number, {@code number} holds its text (a caller that wants a number reads it from there).
     */
    record Mismatch(String found, String number) {
        Mismatch(String found) {
            this(found, null);
        }
    }

    /** Thrown for malformed input; the message says what and where. */
    static final class MalformedJson extends Exception {
        MalformedJson(String message) {
            super(message, null, false, false);
        }
    }

    /** Bytes that may appear in a string as they are: printable ASCII other than '"' and '\\'. */
    private static final boolean[] PLAIN = new boolean[256];

    static {
        for (int c = 0x20; c < 0x80; c++) {
            PLAIN[c] = c != '"' && c != '\\';
        }
    }

    private final byte[] b;
    private final Set<String> topKeys;
    private final Map<String, Set<String>> nestedKeys;
    private final Map<String, Object> out;
    private int pos;

    private JsonScanner(byte[] b, Set<String> topKeys, Map<String, Set<String>> nestedKeys, Map<String, Object> out) {
        this.b = b;
        this.topKeys = topKeys;
        this.nestedKeys = nestedKeys;
        this.out = out;
    }

    /**
     * Scans {@code body}, which must be one JSON object. Captured values go into {@code out} under
     * their key ({@code "id"}) or path ({@code "app.version"}): a String, null for JSON null, or a
     * {@link Mismatch}. A top-level key of {@code nestedKeys} that holds a non-object is captured
     * as a Mismatch under its own name.
     */
    static void scan(byte[] body, Set<String> topKeys, Map<String, Set<String>> nestedKeys, Map<String, Object> out)
            throws MalformedJson {
        JsonScanner s = new JsonScanner(body, topKeys, nestedKeys, out);
        s.ws();
        if (s.pos >= body.length) {
            throw new MalformedJson("empty body; expected a JSON report");
        }
        if (body[s.pos] != '{') {
            throw new MalformedJson("expected a JSON object, got " + s.describeAhead());
        }
        s.object(0, null);
        s.ws();
        if (s.pos != body.length) {
            throw s.error("unexpected data after the JSON object");
        }
    }

    // ---- values ---------------------------------------------------------------------------

    /** An object; {@code capture} names which keys to keep (null: none) and {@code prefix} their path. */
    private void object(int depth, String prefix) throws MalformedJson {
        if (openIsEmpty(depth, (byte) '}')) {
            return;
        }
        while (true) {
            expect('"', "a key in double quotes");
            boolean wantKey = depth == 0 || (depth == 1 && prefix != null);
            String key = wantKey ? string() : null;
            if (!wantKey) {
                skipString();
            }
            ws();
            expect(':', "':' after a key");
            ws();
            if (depth == 0 && topKeys.contains(key)) {
                out.put(key, capture(depth + 1));
            } else if (depth == 0 && nestedKeys.containsKey(key)) {
                if (peek() == '{') {
                    object(depth + 1, key);
                } else if (peek() == 'n') {
                    value(depth + 1);
                } else {
                    out.put(key, new Mismatch(describeAhead()));
                    value(depth + 1);
                }
            } else if (depth == 1 && prefix != null && nestedKeys.get(prefix).contains(key)) {
                out.put(prefix + "." + key, capture(depth + 1));
            } else {
                value(depth + 1);
            }
            if (!another((byte) '}', "expected ',' or '}' in an object")) {
                return;
            }
        }
    }

    private Object capture(int depth) throws MalformedJson {
        byte c = peek();
        if (c == '"') {
            pos++;
            return string();
        }
        if (c == 'n') {
            literal("null");
            return null;
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            int start = pos;
            number();
            return new Mismatch("a number", new String(b, start, pos - start, StandardCharsets.US_ASCII));
        }
        Mismatch m = new Mismatch(describeAhead());
        value(depth);
        return m;
    }

    private void value(int depth) throws MalformedJson {
        byte c = peek();
        switch (c) {
            case '{' -> object(depth, null);
            case '[' -> array(depth);
            case '"' -> {
                pos++;
                skipString();
            }
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    number();
                } else {
                    throw error(pos >= b.length ? "unexpected end of input" : "unexpected character");
                }
            }
        }
    }

    private void array(int depth) throws MalformedJson {
        if (openIsEmpty(depth, (byte) ']')) {
            return;
        }
        do {
            value(depth + 1);
        } while (another((byte) ']', "expected ',' or ']' in an array"));
    }

    /** Steps over an opening bracket; true if the closing one follows at once (and steps over it too). */
    private boolean openIsEmpty(int depth, byte close) throws MalformedJson {
        if (depth >= MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH + " levels");
        }
        pos++; // '{' or '['
        ws();
        if (peek() == close) {
            pos++;
            return true;
        }
        return false;
    }

    /** After a member or element: true if a ',' announces another, false at {@code close}. */
    private boolean another(byte close, String expected) throws MalformedJson {
        ws();
        byte c = peek();
        pos++;
        if (c == ',') {
            ws();
            return true;
        }
        if (c == close) {
            return false;
        }
        pos--;
        throw error(expected);
    }

    private void literal(String word) throws MalformedJson {
        for (int i = 0; i < word.length(); i++) {
            if (pos >= b.length || b[pos] != word.charAt(i)) {
                throw error("unexpected character (expected " + word + ")");
            }
            pos++;
        }
    }

    private void number() throws MalformedJson {
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (digit()) {
            while (digit()) {
                pos++;
            }
        } else {
            throw error("bad number");
        }
        if (peek() == '.') {
            pos++;
            if (!digit()) {
                throw error("bad number: digits expected after '.'");
            }
            while (digit()) {
                pos++;
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!digit()) {
                throw error("bad number: digits expected in the exponent");
            }
            while (digit()) {
                pos++;
            }
        }
    }

    // ---- strings --------------------------------------------------------------------------

    /** Skips a string whose opening quote was consumed, checking escapes and UTF-8. */
    private void skipString() throws MalformedJson {
        final byte[] bytes = b;
        while (true) {
            // the hot loop of ingest: runs of plain ASCII are skipped with one table look-up a byte
            int p = pos;
            while (p < bytes.length && PLAIN[bytes[p] & 0xff]) {
                p++;
            }
            pos = p;
            if (pos >= b.length) {
                throw error("unterminated string");
            }
            int c = b[pos] & 0xff;
            if (c == '"') {
                pos++;
                return;
            }
            if (c == '\\') {
                escape(null);
            } else if (c < 0x20) {
                throw error("control character in a string (it must be escaped)");
            } else if (c < 0x80) {
                pos++;
            } else {
                utf8(null);
            }
        }
    }

    /** Reads a string whose opening quote was consumed. */
    private String string() throws MalformedJson {
        int start = pos;
        while (pos < b.length) {
            int c = b[pos] & 0xff;
            if (c == '"') {
                // the common case: no escapes, one copy
                int end = pos;
                skipUtf8Check(start, end);
                pos++;
                return new String(b, start, end - start, StandardCharsets.UTF_8);
            }
            if (c == '\\' || c < 0x20) {
                break;
            }
            pos++;
        }
        pos = start;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= b.length) {
                throw error("unterminated string");
            }
            int c = b[pos] & 0xff;
            if (c == '"') {
                pos++;
                return sb.toString();
            }
            if (c == '\\') {
                escape(sb);
            } else if (c < 0x20) {
                throw error("control character in a string (it must be escaped)");
            } else if (c < 0x80) {
                sb.append((char) c);
                pos++;
            } else {
                utf8(sb);
            }
        }
    }

    /** Validates the UTF-8 of a string that has no escapes, between start and end. */
    private void skipUtf8Check(int start, int end) throws MalformedJson {
        int saved = pos;
        pos = start;
        while (pos < end) {
            if (b[pos] < 0) {
                utf8(null);
            } else {
                pos++;
            }
        }
        pos = saved;
    }

    private void escape(StringBuilder sb) throws MalformedJson {
        pos++; // '\\'
        if (pos >= b.length) {
            throw error("unterminated string");
        }
        byte e = b[pos++];
        char ch;
        switch (e) {
            case '"' -> ch = '"';
            case '\\' -> ch = '\\';
            case '/' -> ch = '/';
            case 'b' -> ch = '\b';
            case 'f' -> ch = '\f';
            case 'n' -> ch = '\n';
            case 'r' -> ch = '\r';
            case 't' -> ch = '\t';
            case 'u' -> {
                int v = 0;
                for (int i = 0; i < 4; i++) {
                    int d = pos < b.length ? Character.digit(b[pos], 16) : -1;
                    if (d < 0) {
                        throw error("bad \\u escape");
                    }
                    v = v * 16 + d;
                    pos++;
                }
                ch = (char) v;
            }
            default -> {
                pos--;
                throw error("bad escape sequence");
            }
        }
        if (sb != null) {
            sb.append(ch);
        }
    }

    /** Checks one multi-byte UTF-8 sequence at pos (no overlong forms, no surrogates, at most U+10FFFF). */
    private void utf8(StringBuilder sb) throws MalformedJson {
        int c = b[pos] & 0xff;
        int n;
        int cp;
        int min;
        if (c >= 0xC2 && c <= 0xDF) {
            n = 1;
            cp = c & 0x1F;
            min = 0x80;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 2;
            cp = c & 0x0F;
            min = 0x800;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 3;
            cp = c & 0x07;
            min = 0x10000;
        } else {
            throw new MalformedJson("body is not valid UTF-8 (at byte " + pos + ")");
        }
        for (int i = 1; i <= n; i++) {
            int k = pos + i;
            if (k >= b.length || (b[k] & 0xC0) != 0x80) {
                throw new MalformedJson("body is not valid UTF-8 (at byte " + pos + ")");
            }
            cp = (cp << 6) | (b[k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            throw new MalformedJson("body is not valid UTF-8 (at byte " + pos + ")");
        }
        if (sb != null) {
            sb.appendCodePoint(cp);
        }
        pos += n + 1;
    }

    // ---- helpers --------------------------------------------------------------------------

    private void ws() {
        while (pos < b.length) {
            byte c = b[pos];
            if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                pos++;
            } else {
                return;
            }
        }
    }

    private byte peek() {
        return pos < b.length ? b[pos] : 0;
    }

    private boolean digit() {
        return pos < b.length && b[pos] >= '0' && b[pos] <= '9';
    }

    private void expect(char c, String what) throws MalformedJson {
        if (peek() != c) {
            throw error(pos >= b.length ? "unexpected end of input, expected " + what : "expected " + what);
        }
        pos++;
    }

    private String describeAhead() {
        return switch (peek()) {
            case '{' -> "an object";
            case '[' -> "an array";
            case '"' -> "a string";
            case 't', 'f' -> "a boolean";
            case 'n' -> "null";
            default -> "a number";
        };
    }

    private MalformedJson error(String what) {
        return new MalformedJson("malformed JSON: " + what + " at byte " + pos);
    }
}
