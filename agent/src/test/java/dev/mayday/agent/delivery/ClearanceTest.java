package dev.mayday.agent.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.google.gson.JsonObject;
import dev.mayday.agent.consent.UserSection;
import org.junit.jupiter.api.Test;

class ClearanceTest {

    private static JsonObject report(String consent) {
        JsonObject r = new JsonObject();
        UserSection.set(r, consent, null, null);
        return r;
    }

    @Test
    void whatThePersonAcceptedAlwaysLeavesWhatTheyDeclinedNever() {
        for (Clearance c : Clearance.values()) {
            assertEquals("ask-accepted", c.admit(report("ask-accepted")));
            assertEquals("ask-remembered", c.admit(report("ask-remembered")));
            assertEquals("always", c.admit(report("always")));
            assertNull(c.admit(report("ask-declined")), c.name());
        }
    }

    @Test
    void reportsNobodyWasAskedAboutWaitForTheOwnersOrAPersonsChoice() {
        assertNull(Clearance.AGENT_ASK.admit(report("pending")));
        assertNull(Clearance.AGENT_ASK.admit(report("unasked")));
        assertNull(Clearance.AGENT_ASK.admit(report("never")));
        assertEquals("always", Clearance.AGENT_ALWAYS.admit(report("unasked")));
        assertNull(Clearance.AGENT_ALWAYS.admit(report("never")));
        assertEquals("send-command", Clearance.SEND_COMMAND.admit(report("unasked")));
        assertNull(Clearance.SEND_COMMAND.admit(report("never")), "consent=never: the reports stay");
        assertEquals("send-command", Clearance.SEND_COMMAND.admit(new JsonObject()));
    }

    @Test
    void retriesBackOffThenStop() {
        assertEquals(10_000, Backoff.delayAfter(1));
        assertEquals(60_000, Backoff.delayAfter(2));
        assertEquals(300_000, Backoff.delayAfter(3));
        assertEquals(-1, Backoff.delayAfter(4));
    }
}
