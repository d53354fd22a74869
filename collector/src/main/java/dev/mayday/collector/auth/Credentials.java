package dev.mayday.collector.auth;

import dev.mayday.collector.config.CollectorOptions.IngestKeySpec;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The collector's two kinds of credential. Ingest keys ship inside programs and can only post
 * reports (an app-bound key only reports of its app); the read token reads everything and
 * signs in to the dashboard. Keys are looked up by their SHA-256, so neither the lookup nor
 * the comparison tells anything about a key from the time it takes.
 */
public final class Credentials {

    /** An ingest key that matched: {@code app} is the only application it may write, or null for any. */
    public record IngestKey(String id, String app) {
        /** Whether reports of this application may be posted with the key. */
        public boolean mayWrite(String appName) {
            return app == null || app.equals(appName);
        }
    }

    private final Map<String, IngestKey> ingest = new HashMap<>();
    private final byte[] readHash;

    public Credentials(List<IngestKeySpec> ingestKeys, String readToken) {
        int n = 0;
        for (IngestKeySpec k : ingestKeys) {
            // the id names the key in rate limiting without holding the secret itself
            ingest.put(hash(k.key()), new IngestKey("key-" + (n++), k.app()));
        }
        this.readHash = hash(readToken).getBytes(StandardCharsets.US_ASCII);
    }

    /** A random key for a collector started without one (32 URL-safe characters). */
    public static String generate() {
        byte[] b = new byte[24];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** The ingest key presented, or null when it is none of them. */
    public IngestKey ingestKey(String presented) {
        return presented == null ? null : ingest.get(hash(presented));
    }

    public boolean isReadToken(String presented) {
        return presented != null
                && MessageDigest.isEqual(readHash, hash(presented).getBytes(StandardCharsets.US_ASCII));
    }

    private static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
