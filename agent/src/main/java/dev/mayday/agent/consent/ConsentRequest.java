package dev.mayday.agent.consent;

import java.util.Objects;

/**
 * What a person is asked about: which application failed, how (one line), and exactly what would
 * be sent, so that the person can read it before agreeing.
 */
public final class ConsentRequest {

    private final String appName;
    private final String title;
    private final String reportText;

    /**
     * @param appName    the application's name, as the person knows it
     * @param title      one line, like {@code NullPointerException in acme.Game.tick}
     * @param reportText the report exactly as it would be sent (pretty-printed JSON)
     */
    public ConsentRequest(String appName, String title, String reportText) {
        this.appName = Objects.requireNonNull(appName, "appName");
        this.title = Objects.requireNonNull(title, "title");
        this.reportText = Objects.requireNonNull(reportText, "reportText");
    }

    public String appName() {
        return appName;
    }

    public String title() {
        return title;
    }

    public String reportText() {
        return reportText;
    }

    @Override
    public String toString() {
        return "ConsentRequest[" + appName + ": " + title + "]";
    }
}
