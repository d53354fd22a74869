package dev.mayday.collector.ingest;


import dev.mayday.collector.store.BodyCodec;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks that bytes are one Mayday report ({@code schema} {@code "mayday/1"}) and pulls out
 * the fields the collector indexes. Strict JSON only ({@link JsonScanner}): a lenient parser
 * would accept garbage that another tool later chokes on.
 */
public final class ReportParser {

    public static final String SCHEMA = "mayday/1";

    /** Ids and signatures end up in URLs and file names: keep them to a safe alphabet. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._:-]+");
    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    private static final int MAX_ID = 100;
    private static final int MAX_SIGNATURE = 200;
    private static final int MAX_SHORT = 500;
    private static final int MAX_TITLE = 2000;
    private static final int MAX_COMMENT = 10_000;
    /** Crash times before this are a clock that was never set. */
    static final long EARLIEST_MS = Instant.parse("2000-01-01T00:00:00Z").toEpochMilli();
    /** How far ahead of the collector's clock a crash time may be (clocks drift). */
    static final long MAX_AHEAD_MS = 5 * 60 * 1000;

    /** Parses and validates; the body kept in the result is the same array. */
    public Report parse(byte[] body) throws InvalidReportException {
        Fields root = scan(body);
        Object rawId = root.top.get("id");
        String idForErrors = rawId instanceof String s && s.length() <= MAX_ID && TOKEN.matcher(s).matches() ? s : null;
        try {
            String schema = requiredString(root.top, "schema");
            if (!SCHEMA.equals(schema)) {
                throw new InvalidReportException("unsupported schema \"" + clip(schema) + "\"; expected \"" + SCHEMA + "\"", idForErrors);
            }
            String id = requiredString(root.top, "id");
            if (id.length() > MAX_ID || !TOKEN.matcher(id).matches()) {
                throw invalid("\"id\" must be 1-" + MAX_ID + " letters, digits or ._:-");
            }
            String signature = requiredString(root.top, "signature");
            if (signature.length() > MAX_SIGNATURE || !TOKEN.matcher(signature).matches()) {
                throw invalid("\"signature\" must be 1-" + MAX_SIGNATURE + " letters, digits or ._:-");
            }
            String kind = requiredString(root.top, "kind");
            if (!KIND.matcher(kind).matches()) {
                throw invalid("\"kind\" must be a short lower-case word such as uncaught or main-loop");
            }
            String title = requiredString(root.top, "title");
            if (title.length() > MAX_TITLE) {
                throw invalid("\"title\" is longer than " + MAX_TITLE + " characters");
            }
            long time = orderingTime(requiredString(root.top, "time"), System.currentTimeMillis());
            String appName = optionalString(root.nested, "app.name");
            String version = optionalString(root.nested, "app.version");
            String machine = optionalString(root.nested, "system.machineId");
            String comment = optionalString(root.nested, "user.comment");
            checkLength(appName, MAX_SHORT, "app.name");
            checkLength(version, MAX_SHORT, "app.version");
            checkLength(machine, MAX_SHORT, "system.machineId");
            if (comment != null && comment.isBlank()) {
                comment = null;
            }
            if (comment != null && comment.length() > MAX_COMMENT) {
                comment = comment.substring(0, MAX_COMMENT);
            }
            long repeats = repeats(root.top.get("repeats"));
            return new Report(id, signature, title, kind, time, appName, version, machine, comment, body,
                    BodyCodec.encode(body), repeats);
        } catch (InvalidReportException e) {
            throw e.reportId() == null && idForErrors != null ? new InvalidReportException(e.getMessage(), idForErrors) : e;
        }
    }

    /** The values found: top-level keys, and "app.name"-style paths into the objects read. */
    private static final class Fields {
        final Map<String, Object> top = new HashMap<>();
        final Map<String, Object> nested = top;
    }

    private static final Set<String> TOP_KEYS = Set.of("schema", "id", "time", "kind", "signature", "title", "repeats");
    /** More repeats than this in one report are not believed (a JVM cannot fail that often). */
    static final long MAX_REPEATS = 1_000_000_000L;
    private static final Map<String, Set<String>> NESTED_KEYS = Map.of(
            "app", Set.of("name", "version"),
            "system", Set.of("machineId"),
            "user", Set.of("comment"));

    private static Fields scan(byte[] body) throws InvalidReportException {
        Fields fields = new Fields();
        try {
            JsonScanner.scan(body, TOP_KEYS, NESTED_KEYS, fields.top);
        } catch (JsonScanner.MalformedJson e) {
            throw invalid(e.getMessage());
        }
        for (String object : NESTED_KEYS.keySet()) {
            if (fields.top.get(object) instanceof JsonScanner.Mismatch m) {
                throw invalid("\"" + object + "\" must be an object, got " + m.found());
            }
        }
        return fields;
    }

    /** {@code repeats}: a whole number of occurrences held back by {@code quiet}; absent is 0. */
    private static long repeats(Object v) throws InvalidReportException {
        if (v == null) {
            return 0;
        }
        if (v instanceof JsonScanner.Mismatch m && m.number() != null) {
            try {
                long n = Long.parseLong(m.number());
                if (n < 0) {
                    throw invalid("\"repeats\" must not be negative");
                }
                return Math.min(n, MAX_REPEATS);
            } catch (NumberFormatException e) {
                throw invalid("\"repeats\" must be a whole number");
            }
        }
        throw invalid("\"repeats\" must be a number, got " + (v instanceof JsonScanner.Mismatch m ? m.found() : "a string"));
    }

    /**
     * The time the collector orders and dates the report by: the crash's own {@code time} where
     * it is plausible, else the time it was received. A machine with its clock wrong (or a hostile
     * sender) must not pin a group at 9999; the stored body keeps what the agent said.
     */
    static long orderingTime(String text, long receivedMs) throws InvalidReportException {
        Long claimed = parseTime(text);
        return claimed != null && claimed >= EARLIEST_MS && claimed <= receivedMs + MAX_AHEAD_MS ? claimed : receivedMs;
    }

    /** The instant in epoch milliseconds; null for an ISO-8601 time outside what an instant can hold. */
    private static Long parseTime(String text) throws InvalidReportException {
        try {
            return Instant.parse(text).toEpochMilli();
        } catch (DateTimeParseException e) {
            // not an instant with Z: an offset time, perhaps
        } catch (ArithmeticException | java.time.DateTimeException e) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            throw invalid("\"time\" must be an ISO-8601 instant such as 2026-01-31T12:00:00Z, not \"" + clip(text) + "\"");
        } catch (ArithmeticException | java.time.DateTimeException e) {
            return null;
        }
    }

    private static String requiredString(Map<String, Object> values, String key) throws InvalidReportException {
        Object v = values.get(key);
        if (v == null) {
            throw invalid("missing required key \"" + key + "\"");
        }
        if (v instanceof JsonScanner.Mismatch m) {
            throw invalid("\"" + key + "\" must be a string, got " + m.found());
        }
        String s = (String) v;
        if (s.isBlank()) {
            throw invalid("\"" + key + "\" must not be empty");
        }
        return s;
    }

    private static String optionalString(Map<String, Object> values, String path) throws InvalidReportException {
        Object v = values.get(path);
        if (v instanceof JsonScanner.Mismatch m) {
            throw invalid("\"" + path + "\" must be a string, got " + m.found());
        }
        return (String) v;
    }

    private static void checkLength(String s, int max, String path) throws InvalidReportException {
        if (s != null && s.length() > max) {
            throw invalid("\"" + path + "\" is longer than " + max + " characters");
        }
    }

    private static String clip(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "..." : s;
    }

    private static InvalidReportException invalid(String message) {
        return new InvalidReportException(message, null);
    }
}
