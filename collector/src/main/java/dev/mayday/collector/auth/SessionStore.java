package dev.mayday.collector.auth;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The dashboard's sign-ins, kept on the server: the browser's cookie holds a random id, never a
 * token. A session ends when signed out or after {@link #IDLE_MILLIS} without a request.
 * Bounded: past {@link #MAX_SESSIONS} the one idle longest is dropped.
 */
public final class SessionStore {

    public static final long IDLE_MILLIS = 12L * 60 * 60 * 1000;
    static final int MAX_SESSIONS = 10_000;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, long[]> lastUsed = new ConcurrentHashMap<>();
    private final LongSupplier clock;

    public SessionStore() {
        this(System::currentTimeMillis);
    }

    /** With a clock of its own, for tests of the expiry. */
    public SessionStore(LongSupplier clock) {
        this.clock = clock;
    }

    /** A new session; its id goes into the cookie. */
    public String create() {
        sweep();
        byte[] b = new byte[32];
        random.nextBytes(b);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        lastUsed.put(id, new long[] {clock.getAsLong()});
        return id;
    }

    /** Whether the id is a live session; using it keeps it alive for another idle period. */
    public boolean touch(String id) {
        if (id == null) {
            return false;
        }
        long[] used = lastUsed.get(id);
        if (used == null) {
            return false;
        }
        long now = clock.getAsLong();
        synchronized (used) {
            if (now - used[0] > IDLE_MILLIS) {
                lastUsed.remove(id);
                return false;
            }
            used[0] = now;
        }
        return true;
    }

    public void delete(String id) {
        if (id != null) {
            lastUsed.remove(id);
        }
    }

    public int size() {
        return lastUsed.size();
    }

    private void sweep() {
        long now = clock.getAsLong();
        lastUsed.values().removeIf(u -> now - u[0] > IDLE_MILLIS);
        while (lastUsed.size() >= MAX_SESSIONS) {
            String oldest = null;
            long at = Long.MAX_VALUE;
            for (Map.Entry<String, long[]> e : lastUsed.entrySet()) {
                if (e.getValue()[0] < at) {
                    at = e.getValue()[0];
                    oldest = e.getKey();
                }
            }
            if (oldest == null) {
                return;
            }
            lastUsed.remove(oldest);
        }
    }
}
