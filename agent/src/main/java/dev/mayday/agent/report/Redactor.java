package dev.mayday.agent.report;

import java.util.regex.Pattern;

/**
 * Hides secrets: values whose name looks like a password, secret, token, key, credential or
 * authorisation (and whatever the {@code redact} option adds) become {@code [redacted]}, in
 * system properties, environment variables, JVM arguments and {@code name=value} text.
 */
public final class Redactor {

    public static final String REDACTED = "[redacted]";

    /**
     * Names containing one of these (any case) are secrets' names. Plain text search rather than
     * a regular expression: compiling one costs the first report about 4 ms, and a report checks
     * a few hundred names.
     */
    private static final String[] SECRET_WORDS = {"pass", "pwd", "secret", "token", "key", "credential", "auth",
        "cookie", "session", "private"};

    private final Pattern extra;

    public Redactor(Pattern extra) {
        this.extra = extra;
    }

    /** True if a value of this name must not be reported. */
    public boolean isSecret(String name) {
        return hasSecretWord(name) || (extra != null && extra.matcher(name).find());
    }

    /**
     * The value, or {@code [redacted]} if its name is a secret's; in any other value, the secret
     * {@code name=value} pairs inside it (a URL with {@code ?token=}, a command line).
     */
    public String value(String name, String value) {
        return isSecret(name) ? REDACTED : pairs(value);
    }

    private static boolean hasSecretWord(String name) {
        String lower = lowerAscii(name);
        for (String word : SECRET_WORDS) {
            if (lower.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** ASCII letters only, as the case-insensitive matching of a regular expression does by default. */
    private static String lowerAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                char[] chars = s.toCharArray();
                for (int j = i; j < chars.length; j++) {
                    if (chars[j] >= 'A' && chars[j] <= 'Z') {
                        chars[j] = (char) (chars[j] + ('a' - 'A'));
                    }
                }
                return new String(chars);
            }
        }
        return s;
    }

    /**
     * Replaces the value of every {@code name=value} pair in {@code text} whose name is a secret's.
     * A name is a run of letters, digits, {@code _ . -} right before the {@code =}; its value runs
     * to the next {@code , ;} whitespace, {@code ?} or {@code &} (so that a URL's query,
     * {@code send=ws://h/reports?token=t}, is read as pairs of its own).
     */
    public String pairs(String text) {
        if (text == null || text.indexOf('=') < 0) {
            return text;
        }
        StringBuilder out = null;
        int copied = 0;
        int from = 0;
        int length = text.length();
        while (from < length) {
            int eq = text.indexOf('=', from);
            if (eq < 0) {
                break;
            }
            int nameStart = eq;
            while (nameStart > from && CharClasses.wordDotOrDash(text.charAt(nameStart - 1))) {
                nameStart--;
            }
            if (nameStart == eq) {
                from = eq + 1; // no name before this '='
                continue;
            }
            int valueEnd = eq + 1;
            while (valueEnd < length && !endsValue(text.charAt(valueEnd))) {
                valueEnd++;
            }
            if (isSecret(text.substring(nameStart, eq))) {
                if (out == null) {
                    out = new StringBuilder(length);
                }
                out.append(text, copied, eq + 1).append(REDACTED);
                copied = valueEnd;
            }
            from = valueEnd;
        }
        return out == null ? text : out.append(text, copied, length).toString();
    }

    private static boolean endsValue(char c) {
        return c == ',' || c == ';' || c == '?' || c == '&' || CharClasses.space(c);
    }
}
