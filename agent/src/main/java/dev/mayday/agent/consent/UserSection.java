package dev.mayday.agent.consent;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;

/**
 * The report's {@code user} object: how consent was given ({@code consent}) and what the person
 * wrote ({@code comment}, {@code email}). The values of {@code consent}:
 * {@value #PENDING} (written, not asked yet), {@value #ALWAYS} ({@code consent=always}),
 * {@value #NEVER}, {@value #ASK_ACCEPTED}, {@value #ASK_DECLINED}, {@value #ASK_REMEMBERED} (the
 * person chose "Always send" earlier), {@value #UNASKED} (nobody to ask: no display, no console),
 * {@value #SEND_COMMAND} (a person ran {@code mayday-agent.jar send}).
 */
public final class UserSection {

    public static final String PENDING = "pending";
    public static final String ALWAYS = "always";
    public static final String NEVER = "never";
    public static final String ASK_ACCEPTED = "ask-accepted";
    public static final String ASK_DECLINED = "ask-declined";
    public static final String ASK_REMEMBERED = "ask-remembered";
    public static final String UNASKED = "unasked";
    public static final String SEND_COMMAND = "send-command";

    private static final Gson PRETTY = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();
    private static final Gson COMPACT = new GsonBuilder().disableHtmlEscaping().create();

    private UserSection() {
    }

    /** The report as a JSON object; throws if it is not one. */
    public static JsonObject parse(byte[] json) {
        return JsonParser.parseString(new String(json, StandardCharsets.UTF_8)).getAsJsonObject();
    }

    /** {@code user.consent}, or null when the report has none. */
    public static String consentOf(JsonObject report) {
        JsonElement user = report.get("user");
        if (user == null || !user.isJsonObject()) {
            return null;
        }
        JsonElement consent = user.getAsJsonObject().get("consent");
        return consent != null && consent.isJsonPrimitive() ? consent.getAsString() : null;
    }

    /** Sets {@code user} to this consent, comment and e-mail (null ones left out). */
    public static void set(JsonObject report, String consent, String comment, String email) {
        JsonObject user = new JsonObject();
        user.addProperty("consent", consent);
        if (comment != null) {
            user.addProperty("comment", comment);
        }
        if (email != null) {
            user.addProperty("email", email);
        }
        report.add("user", user);
    }

    public static byte[] bytes(JsonObject report) {
        return COMPACT.toJson(report).getBytes(StandardCharsets.UTF_8);
    }

    /** The report as a person reads it in the dialog's "View report". */
    public static String pretty(JsonObject report) {
        return PRETTY.toJson(report);
    }

    /** A top-level text value ({@code title}), or {@code fallback}. */
    public static String text(JsonObject report, String key, String fallback) {
        JsonElement e = report.get(key);
        return e != null && e.isJsonPrimitive() ? e.getAsString() : fallback;
    }

    /** {@code app.name}, or {@code fallback}. */
    public static String appName(JsonObject report, String fallback) {
        JsonElement app = report.get("app");
        return app != null && app.isJsonObject() ? text(app.getAsJsonObject(), "name", fallback) : fallback;
    }
}
