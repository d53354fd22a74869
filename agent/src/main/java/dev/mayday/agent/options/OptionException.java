package dev.mayday.agent.options;

/** A bad option: its message is the one line the user sees, naming the key and the valid choices. */
public final class OptionException extends Exception {

    private static final long serialVersionUID = 1L;

    public OptionException(String message) {
        super(message, null, false, false);
    }
}
