package dev.mayday.collector.auth;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Checks the API token from an {@code Authorization: Bearer} header or the dashboard's cookie.
 * The comparison takes the same time whatever the input, so the token cannot be guessed byte
 * by byte from response times.
 */
public final class TokenGuard {

    /** The cookie the dashboard keeps the token in. */
    public static final String COOKIE = "mayday_token";

    private final byte[] token;

    public TokenGuard(String token) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    /** A random token for a collector started without one. */
    public static String generate() {
        byte[] b = new byte[24];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /**
     * The token the request presents, or null.
     *
     * @param authorization the Authorization header, may be null
     * @param cookie        the Cookie header, may be null
     */
    public static String presented(String authorization, String cookie) {
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).trim();
        }
        if (cookie != null) {
            for (String part : cookie.split(";")) {
                String p = part.trim();
                if (p.startsWith(COOKIE + "=")) {
                    return URLDecoder.decode(p.substring(COOKIE.length() + 1), StandardCharsets.UTF_8);
                }
            }
        }
        return null;
    }

    public boolean accepts(String presented) {
        return presented != null && MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8));
    }
}
