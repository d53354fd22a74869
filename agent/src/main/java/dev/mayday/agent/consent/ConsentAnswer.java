package dev.mayday.agent.consent;

/**
 * What a person answered: send or not, whether to send without asking from now on, and what they
 * wrote. Empty text is kept as null, so "nothing written" has one form.
 */
public final class ConsentAnswer {

    private static final ConsentAnswer DONT_SEND = new ConsentAnswer(false, false, null, null, false);

    private final boolean send;
    private final boolean alwaysSend;
    private final String comment;
    private final String email;
    private final boolean includeEarlier;

    private ConsentAnswer(boolean send, boolean alwaysSend, String comment, String email, boolean includeEarlier) {
        this.send = send;
        this.alwaysSend = alwaysSend;
        this.comment = comment;
        this.email = email;
        this.includeEarlier = includeEarlier;
    }

    /**
     * The person agreed to send.
     *
     * @param comment what they were doing, or null; trimmed, empty becomes null
     * @param email   where the developers may reach them, or null; trimmed, empty becomes null
     * @param always  they ticked "Always send for &lt;app&gt;"
     */
    public static ConsentAnswer send(String comment, String email, boolean always) {
        return send(comment, email, always, false);
    }

    /**
     * The person agreed to send, and chose whether the earlier problem reports offered with it
     * ("also send 3 earlier problem reports") go too.
     */
    public static ConsentAnswer send(String comment, String email, boolean always, boolean includeEarlier) {
        return new ConsentAnswer(true, always, blankToNull(comment), blankToNull(email), includeEarlier);
    }

    /** The earlier problem reports offered with this one go too; only true together with {@link #send()}. */
    public boolean includeEarlier() {
        return includeEarlier;
    }

    /** The person declined (or closed the dialog). */
    public static ConsentAnswer dontSend() {
        return DONT_SEND;
    }

    public boolean send() {
        return send;
    }

    /** "Always send for &lt;app&gt;"; only true together with {@link #send()}. */
    public boolean alwaysSend() {
        return alwaysSend;
    }

    /** What the person wrote about what they were doing, or null. */
    public String comment() {
        return comment;
    }

    /** The e-mail address the person gave, or null. */
    public String email() {
        return email;
    }

    private static String blankToNull(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.trim();
        return trimmed.isEmpty() ? null : trimmed;
    }

    @Override
    public String toString() {
        if (!send) {
            return "ConsentAnswer[don't send]";
        }
        return "ConsentAnswer[send" + (alwaysSend ? ", always" : "") + (includeEarlier ? ", with earlier" : "")
                + (comment != null ? ", comment=" + comment : "")
                + (email != null ? ", email=" + email : "") + "]";
    }
}
