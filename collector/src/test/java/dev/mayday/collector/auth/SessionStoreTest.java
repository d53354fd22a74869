package dev.mayday.collector.auth;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionStoreTest {

    @Test
    void aSessionEndsAfterTwelveHoursIdleOrWhenDeleted() {
        AtomicLong clock = new AtomicLong(1_000_000);
        SessionStore sessions = new SessionStore(clock::get);
        String id = sessions.create();
        assertTrue(id.length() >= 40, "a random id of 32 bytes: " + id);
        assertNotEquals(id, sessions.create());
        clock.addAndGet(SessionStore.IDLE_MILLIS - 1000);
        assertTrue(sessions.touch(id), "used within 12 h");
        clock.addAndGet(SessionStore.IDLE_MILLIS - 1000);
        assertTrue(sessions.touch(id), "each use keeps it alive");
        clock.addAndGet(SessionStore.IDLE_MILLIS + 1);
        assertFalse(sessions.touch(id), "12 h idle: gone");
        String other = sessions.create();
        sessions.delete(other);
        assertFalse(sessions.touch(other), "signed out");
        assertFalse(sessions.touch(null));
        assertFalse(sessions.touch("made-up"));
    }

    @Test
    void theTableIsBounded() {
        AtomicLong clock = new AtomicLong();
        SessionStore sessions = new SessionStore(clock::get);
        String first = sessions.create();
        for (int i = 0; i < SessionStore.MAX_SESSIONS + 10; i++) {
            clock.incrementAndGet();
            sessions.create();
        }
        assertEquals(SessionStore.MAX_SESSIONS, sessions.size());
        assertFalse(sessions.touch(first), "the one idle longest made room");
    }

    @Test
    void malformedHeadersCountAsNone() {
        assertEquals("%%%", Presented.cookie("mayday_session=%%%", Presented.SESSION_COOKIE),
                "printable: a candidate id that no session has, never an exception");
        assertEquals(null, Presented.cookie("mayday_session=", Presented.SESSION_COOKIE));
        assertEquals(null, Presented.cookie("mayday_session=a\u00ffb", Presented.SESSION_COOKIE));
        assertEquals("abc", Presented.cookie("x=1; mayday_session=\"abc\"", Presented.SESSION_COOKIE));
        assertEquals(null, Presented.bearer("Bearer "));
        assertEquals(null, Presented.bearer("Basic abc"));
        assertEquals("k", Presented.bearer("bearer k"));
    }
}
