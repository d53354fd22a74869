package dev.mayday.agent.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides secrets: values whose name looks like a password, secret, token, key, credential or
 * authorisation (and whatever the {@code redact} option adds) become {@code [redacted]}, in
 * system properties, environment variables, JVM arguments and {@code name=value} text.
 */
public final class Redactor {

    public static final String REDACTED = "[redacted]";

    // Instance fields, compiled by the constructor, not in a static initialiser: one that failed
    // (out of memory during a report) would leave this class broken for the rest of the JVM.
    private final Pattern always = Pattern.compile(
            "(?i)pass(word|wd)?|pwd|secret|token|key|credential|auth|cookie|session|private");
    // A value ends at , ; whitespace, and at ? & so that a URL's query (send=ws://h/reports?token=t)
    // is read as pairs of its own.
    private final Pattern pair = Pattern.compile("([A-Za-z0-9_.\\-]+)=([^,;\\s?&]*)");

    private final Pattern extra;

    public Redactor(Pattern extra) {
        this.extra = extra;
    }

    /** True if a value of this name must not be reported. */
    public boolean isSecret(String name) {
        return always.matcher(name).find() || (extra != null && extra.matcher(name).find());
    }

    /**
     * The value, or {@code [redacted]} if its name is a secret's; in any other value, the secret
     * {@code name=value} pairs inside it (a URL with {@code ?token=}, a command line).
     */
    public String value(String name, String value) {
        return isSecret(name) ? REDACTED : pairs(value);
    }

    /** Replaces the value of every {@code name=value} pair in {@code text} whose name is a secret's. */
    public String pairs(String text) {
        if (text == null || text.indexOf('=') < 0) {
            return text;
        }
        Matcher m = pair.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        while (m.find()) {
            if (isSecret(m.group(1))) {
                out.append(text, last, m.start(2)).append(REDACTED);
                last = m.end(2);
            }
        }
        return last == 0 ? text : out.append(text, last, text.length()).toString();
    }
}
