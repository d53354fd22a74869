package dev.mayday.collector.ingest;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Checks that bytes are one Mayday report ({@code schema} {@code "mayday/1"}) and pulls out
 * the fields the collector indexes. Strict JSON only: a lenient parser would accept
 * garbage that another tool later chokes on.
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

    /** Parses and validates; the body kept in the result is the same array. */
    public Report parse(byte[] body) throws InvalidReportException {
        JsonObject root = parseObject(body);
        String id = optionalString(root, "id", null);
        String idForErrors = id != null && id.length() <= MAX_ID && TOKEN.matcher(id).matches() ? id : null;
        try {
            String schema = requiredString(root, "schema");
            if (!SCHEMA.equals(schema)) {
                throw new InvalidReportException("unsupported schema \"" + clip(schema) + "\"; expected \"" + SCHEMA + "\"", idForErrors);
            }
            id = requiredString(root, "id");
            if (id.length() > MAX_ID || !TOKEN.matcher(id).matches()) {
                throw invalid("\"id\" must be 1-" + MAX_ID + " letters, digits or ._:-");
            }
            String signature = requiredString(root, "signature");
            if (signature.length() > MAX_SIGNATURE || !TOKEN.matcher(signature).matches()) {
                throw invalid("\"signature\" must be 1-" + MAX_SIGNATURE + " letters, digits or ._:-");
            }
            String kind = requiredString(root, "kind");
            if (!KIND.matcher(kind).matches()) {
                throw invalid("\"kind\" must be a short lower-case word such as uncaught or main-loop");
            }
            String title = requiredString(root, "title");
            if (title.length() > MAX_TITLE) {
                throw invalid("\"title\" is longer than " + MAX_TITLE + " characters");
            }
            long time = parseTime(requiredString(root, "time"));
            JsonObject app = optionalObject(root, "app");
            JsonObject system = optionalObject(root, "system");
            JsonObject user = optionalObject(root, "user");
            String appName = app == null ? null : optionalString(app, "name", "app.name");
            String version = app == null ? null : optionalString(app, "version", "app.version");
            String machine = system == null ? null : optionalString(system, "machineId", "system.machineId");
            String comment = user == null ? null : optionalString(user, "comment", "user.comment");
            checkLength(appName, MAX_SHORT, "app.name");
            checkLength(version, MAX_SHORT, "app.version");
            checkLength(machine, MAX_SHORT, "system.machineId");
            if (comment != null && comment.isBlank()) {
                comment = null;
            }
            if (comment != null && comment.length() > MAX_COMMENT) {
                comment = comment.substring(0, MAX_COMMENT);
            }
            return new Report(id, signature, title, kind, time, appName, version, machine, comment, body);
        } catch (InvalidReportException e) {
            throw e.reportId() == null && idForErrors != null ? new InvalidReportException(e.getMessage(), idForErrors) : e;
        }
    }

    private static JsonObject parseObject(byte[] body) throws InvalidReportException {
        if (body.length == 0) {
            throw invalid("empty body; expected a JSON report");
        }
        try {
            // Refuse malformed UTF-8 instead of storing replacement characters silently.
            var decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            JsonReader reader = new JsonReader(new InputStreamReader(new ByteArrayInputStream(body), decoder));
            reader.setStrictness(Strictness.STRICT);
            JsonElement element = JsonParser.parseReader(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw invalid("unexpected data after the JSON object");
            }
            if (!element.isJsonObject()) {
                throw invalid("expected a JSON object, got " + describe(element));
            }
            return element.getAsJsonObject();
        } catch (InvalidReportException e) {
            throw e;
        } catch (JsonParseException | IOException | IllegalStateException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof CharacterCodingException) {
                throw invalid("body is not valid UTF-8");
            }
            throw invalid("malformed JSON: " + clip(String.valueOf(cause.getMessage())));
        } catch (StackOverflowError e) {
            throw invalid("malformed JSON: nested too deeply");
        }
    }

    private static long parseTime(String text) throws InvalidReportException {
        try {
            return Instant.parse(text).toEpochMilli();
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(text).toInstant().toEpochMilli();
            } catch (DateTimeParseException e2) {
                throw invalid("\"time\" must be an ISO-8601 instant such as 2026-01-31T12:00:00Z, not \"" + clip(text) + "\"");
            }
        } catch (ArithmeticException e) {
            throw invalid("\"time\" is out of range");
        }
    }

    private static String requiredString(JsonObject o, String key) throws InvalidReportException {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            throw invalid("missing required key \"" + key + "\"");
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw invalid("\"" + key + "\" must be a string, got " + describe(e));
        }
        String s = e.getAsString();
        if (s.isBlank()) {
            throw invalid("\"" + key + "\" must not be empty");
        }
        return s;
    }

    private static String optionalString(JsonObject o, String key, String path) throws InvalidReportException {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (!e.isJsonPrimitive()) {
            if (path == null) {
                return null;
            }
            throw invalid("\"" + path + "\" must be a string, got " + describe(e));
        }
        return e.getAsString();
    }

    private static JsonObject optionalObject(JsonObject o, String key) throws InvalidReportException {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (!e.isJsonObject()) {
            throw invalid("\"" + key + "\" must be an object, got " + describe(e));
        }
        return e.getAsJsonObject();
    }

    private static void checkLength(String s, int max, String path) throws InvalidReportException {
        if (s != null && s.length() > max) {
            throw invalid("\"" + path + "\" is longer than " + max + " characters");
        }
    }

    private static String describe(JsonElement e) {
        if (e.isJsonArray()) return "an array";
        if (e.isJsonObject()) return "an object";
        if (e.isJsonNull()) return "null";
        var p = e.getAsJsonPrimitive();
        return p.isBoolean() ? "a boolean" : p.isNumber() ? "a number" : "a string";
    }

    private static String clip(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "..." : s;
    }

    private static InvalidReportException invalid(String message) {
        return new InvalidReportException(message, null);
    }
}
