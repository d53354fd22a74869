package dev.mayday.agent.consent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What a person is asked about: which application failed, how (one line), and exactly what would
 * be sent, so that the person can read it before agreeing.
 */
public final class ConsentRequest {

    private final String appName;
    private final String title;
    private final String reportText;
    private final List<String> earlierTitles;

    /**
     * @param appName    the application's name, as the person knows it
     * @param title      one line, like {@code NullPointerException in acme.Game.tick}
     * @param reportText the report exactly as it would be sent (pretty-printed JSON)
     */
    public ConsentRequest(String appName, String title, String reportText) {
        this(appName, title, reportText, Collections.<String>emptyList());
    }

    /**
     * @param earlierTitles one line for each earlier problem report of a program that went on,
     *                      offered with this one ("also send 3 earlier problem reports"); their
     *                      text is part of {@code reportText}
     */
    public ConsentRequest(String appName, String title, String reportText, List<String> earlierTitles) {
        this.appName = Objects.requireNonNull(appName, "appName");
        this.title = Objects.requireNonNull(title, "title");
        this.reportText = Objects.requireNonNull(reportText, "reportText");
        this.earlierTitles = Collections.unmodifiableList(new ArrayList<String>(earlierTitles));
    }

    /** The earlier problem reports offered with this one, one line each; empty when there are none. */
    public List<String> earlierTitles() {
        return earlierTitles;
    }

    /** "Also send 3 earlier problem reports", or null when there are none. */
    public String earlierOffer() {
        int n = earlierTitles.size();
        return n == 0 ? null : "Also send " + (n == 1 ? "1 earlier problem report" : n + " earlier problem reports");
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
