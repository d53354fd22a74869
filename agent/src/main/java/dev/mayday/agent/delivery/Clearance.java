package dev.mayday.agent.delivery;

import com.google.gson.JsonObject;
import dev.mayday.agent.consent.UserSection;

/**
 * Which waiting reports may leave the machine, by the consent recorded in each ({@code user.consent}).
 * Reports the person was asked about and declined, and reports recorded under {@code consent=never},
 * never leave, not even with the {@code send} command; reports nobody could
 * be asked about leave only when the program's owner chose {@code consent=always}, or when a
 * person runs the {@code send} command.
 */
public enum Clearance {

    /** The agent's own passes while the program runs with {@code consent=ask}. */
    AGENT_ASK,
    /** The agent's own passes with {@code consent=always}. */
    AGENT_ALWAYS,
    /** {@code java -jar mayday-agent.jar send}: a person asked for it. */
    SEND_COMMAND;

    /**
     * The consent the report goes out with, or null if it stays. The report is changed when its
     * consent changes (a pending report sent because of {@code consent=always}).
     */
    public String admit(JsonObject report) {
        String consent = UserSection.consentOf(report);
        if (UserSection.ALWAYS.equals(consent) || UserSection.ASK_ACCEPTED.equals(consent)
                || UserSection.ASK_REMEMBERED.equals(consent) || UserSection.SEND_COMMAND.equals(consent)) {
            return consent;
        }
        if (UserSection.ASK_DECLINED.equals(consent) || UserSection.NEVER.equals(consent)) {
            return null; // declined, or recorded with consent=never: they stay, even for `send`
        }
        switch (this) {
            case AGENT_ALWAYS:
                return UserSection.ALWAYS;
            case SEND_COMMAND:
                return UserSection.SEND_COMMAND;
            default:
                return null; // pending, unasked: only a person's send command sends them
        }
    }
}
