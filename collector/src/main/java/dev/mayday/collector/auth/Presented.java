package dev.mayday.collector.auth;

/**
 * Reads credentials out of request headers without ever failing: a malformed header is the
 * same as none (the caller answers 401, never an exception).
 */
public final class Presented {

    /** The dashboard's cookie: a session id. */
    public static final String SESSION_COOKIE = "mayday_session";

    private Presented() {
    }

    /** The token of {@code Authorization: Bearer TOKEN}, or null. */
    public static String bearer(String authorization) {
        if (authorization != null && authorization.length() > 7 && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String t = authorization.substring(7).trim();
            return t.isEmpty() ? null : t;
        }
        return null;
    }

    /** The value of one cookie in a {@code Cookie} header, or null; anything odd counts as absent. */
    public static String cookie(String header, String name) {
        if (header == null || header.length() > 8192) {
            return null;
        }
        for (String part : header.split(";")) {
            String p = part.trim();
            if (p.startsWith(name + "=")) {
                String v = p.substring(name.length() + 1);
                if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                    v = v.substring(1, v.length() - 1);
                }
                return v.isEmpty() || v.length() > 200 || !v.chars().allMatch(c -> c > 32 && c < 127) ? null : v;
            }
        }
        return null;
    }
}
