package dev.mayday.agent.consent;

/**
 * Asks the person at the keyboard whether a report may be sent: a dialog where there is a
 * display ({@link SwingConsentDialog}), a prompt where there is a console ({@link ConsolePrompt}).
 */
public interface ConsentAsker {

    /**
     * Asks, and blocks the calling thread until the person answers.
     *
     * @return the answer, or null when nobody could be asked (the dialog could not be shown, the
     *         console was closed or reached the end of its input). Never throws: it runs after a
     *         crash, where one more failure must not hide the first.
     */
    ConsentAnswer ask(ConsentRequest request);
}
