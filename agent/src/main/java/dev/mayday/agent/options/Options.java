package dev.mayday.agent.options;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The resolved options of one JVM, read-only, with typed accessors. */
public final class Options {

    /** What a main-loop crash does once the report is written. */
    public enum OnCrash { EXIT, RETHROW, CONTINUE }

    /** What an exception that ends a thread does. */
    public enum Uncaught { REPORT, EXIT, OFF }

    /** Which logged records with a Throwable become {@code logged} reports. */
    public enum Logged { ERROR, WARN, OFF }

    /** Whether a report may leave the machine: ask the person, always, never. */
    public enum Consent { ASK, ALWAYS, NEVER }

    private final Map<Option, List<String>> values;
    private final List<String> ignoredEnvironment;

    Options(Map<Option, List<String>> values, List<String> ignoredEnvironment) {
        this.values = values;
        this.ignoredEnvironment = ignoredEnvironment;
    }

    /** The single value, or null when the option has no value and no default. */
    public String get(Option option) {
        List<String> v = values.get(option);
        return v.isEmpty() ? null : v.get(0);
    }

    /** Every value of a list option, in the order given. */
    public List<String> list(Option option) {
        return values.get(option);
    }

    public int integer(Option option) {
        return Integer.parseInt(get(option));
    }

    public boolean flag(Option option) {
        return "true".equals(get(option));
    }

    public OnCrash onCrash() {
        return OnCrash.valueOf(get(Option.ON_CRASH).toUpperCase(java.util.Locale.ROOT));
    }

    public Uncaught uncaught() {
        return Uncaught.valueOf(get(Option.UNCAUGHT).toUpperCase(java.util.Locale.ROOT));
    }

    /** {@code logged}: the lowest level whose records with a Throwable become reports, or off. */
    public Logged logged() {
        return Logged.valueOf(get(Option.LOGGED).toUpperCase(java.util.Locale.ROOT));
    }

    public Consent consent() {
        return Consent.valueOf(get(Option.CONSENT).toUpperCase(java.util.Locale.ROOT));
    }

    /** The {@code send} destinations, in the order given; empty when reports stay on this machine. */
    public List<String> destinations() {
        return list(Option.SEND);
    }

    /** The collector's API token, or null. */
    public String token() {
        return get(Option.TOKEN);
    }

    public Path outbox() {
        return expandHome(get(Option.OUTBOX));
    }

    /** True if {@code source} (jul, logback, log4j2, stdout, stderr) is in {@code logCapture}. */
    public boolean captures(String source) {
        for (String s : get(Option.LOG_CAPTURE).split(":")) {
            if (s.equals(source)) {
                return true;
            }
        }
        return false;
    }

    /** The extra {@code redact} pattern, or null. */
    public Pattern redact() {
        String r = get(Option.REDACT);
        return r == null ? null : Pattern.compile(r);
    }

    /** {@code MAYDAY_*} variables that name no option; they were ignored. */
    public List<String> ignoredEnvironment() {
        return ignoredEnvironment;
    }

    /** Options given a value although their behaviour is not built yet. */
    public List<Option> givenButNotBuilt() {
        List<Option> result = new java.util.ArrayList<Option>(0);
        for (Option o : Option.values()) {
            if (!o.isBuilt() && !values.get(o).isEmpty()) {
                String dflt = o.defaultValue();
                if (dflt == null || !dflt.equals(get(o))) {
                    result.add(o);
                }
            }
        }
        return result;
    }

    /**
     * A short fingerprint of the resolved options (64-bit FNV-1a, hex), so two JVMs, or an
     * attach and the JVM it meets, can tell whether they run with the same options. The token's
     * value is left out: the digest is shown by {@code list}. No MessageDigest: it is computed
     * in premain, where loading the security providers would cost milliseconds.
     */
    public String digest() {
        long h = 0xcbf29ce484222325L;
        for (Option o : Option.values()) {
            List<String> v = values.get(o);
            String text = o == Option.TOKEN ? (v.isEmpty() ? "" : "set") : String.join("\u0000", v);
            h = fnv(fnv(h, o.key()), text);
        }
        String hex = Long.toHexString(h);
        return "0000000000000000".substring(hex.length()) + hex;
    }

    private static long fnv(long h, String s) {
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= 0xff;
        return h * 0x100000001b3L;
    }

    /** {@code ~} or {@code ~/x} becomes the user's home directory. */
    static Path expandHome(String path) {
        if (path.equals("~") || path.startsWith("~/")) {
            return Paths.get(System.getProperty("user.home") + path.substring(1));
        }
        return Paths.get(path);
    }
}
