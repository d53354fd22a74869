package dev.mayday.agent.options;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What values an option takes; checks one value and says what was expected when it is bad.
 *
 * <p>One class with a switch rather than one subclass per kind: premain loads every kind, and
 * each class loaded from Mayday's jar costs start-up time in every program.
 */
final class Kind {

    private static final int TEXT_KIND = 0;
    private static final int CHOICE_KIND = 1;
    private static final int REGEX_KIND = 2;
    private static final int MAIN_LOOP_KIND = 3;
    private static final int DESTINATION_KIND = 4;
    private static final int RANGE_KIND = 5;
    private static final int COLON_LIST_KIND = 6;

    static final Kind TEXT = new Kind(TEXT_KIND, null, 0, 0);
    static final Kind BOOLEAN = choice("true", "false");
    static final Kind REGEX = new Kind(REGEX_KIND, null, 0, 0);
    static final Kind MAIN_LOOP_PATTERN = new Kind(MAIN_LOOP_KIND, null, 0, 0);
    static final Kind DESTINATION = new Kind(DESTINATION_KIND, null, 0, 0);

    private final int type;
    private final String[] choices;
    private final long min;
    private final long max;

    private Kind(int type, String[] choices, long min, long max) {
        this.type = type;
        this.choices = choices;
        this.min = min;
        this.max = max;
    }

    static Kind choice(String... choices) {
        return new Kind(CHOICE_KIND, choices, 0, 0);
    }

    static Kind range(long min, long max) {
        return new Kind(RANGE_KIND, null, min, max);
    }

    /** A {@code ':'}-separated list of the given items (or nothing at all). */
    static Kind colonList(String... items) {
        return new Kind(COLON_LIST_KIND, items, 0, 0);
    }

    /**
     * Returns null if {@code value} is acceptable, else the phrase that completes
     * "expected ..." in the error line.
     */
    String problem(String value) {
        switch (type) {
            case TEXT_KIND:
                return value.isEmpty() ? "a non-empty value" : null;
            case CHOICE_KIND:
                return isChoice(value) ? null : "one of " + String.join(", ", choices);
            case REGEX_KIND:
                return regexProblem(value);
            case MAIN_LOOP_KIND:
                return mainLoopProblem(value);
            case DESTINATION_KIND:
                return destinationProblem(value);
            case RANGE_KIND:
                return rangeProblem(value);
            default:
                return colonListProblem(value);
        }
    }

    private boolean isChoice(String value) {
        for (String c : choices) {
            if (c.equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static String regexProblem(String value) {
        try {
            Pattern.compile(value);
            return null;
        } catch (PatternSyntaxException e) {
            return "a regular expression (" + e.getDescription() + " at index " + e.getIndex() + ")";
        }
    }

    private static String mainLoopProblem(String value) {
        String expected = "pkg.Class#method (* wildcards allowed in both parts) or @pkg.Annotation";
        if (value.startsWith("@")) {
            return value.length() > 1 && value.indexOf('#') < 0 && value.indexOf(' ') < 0 ? null : expected;
        }
        int hash = value.indexOf('#');
        if (hash <= 0 || hash == value.length() - 1 || value.indexOf('#', hash + 1) >= 0
                || value.indexOf(' ') >= 0) {
            return expected;
        }
        return null;
    }

    private static String destinationProblem(String value) {
        String expected = "ws://HOST:PORT/reports, wss://..., http://HOST:PORT/api/reports, https://... or file:DIR";
        if (value.startsWith("file:")) {
            return value.length() > "file:".length() ? null : expected;
        }
        try {
            java.net.URI uri = new java.net.URI(value);
            String scheme = uri.getScheme();
            boolean known = "ws".equals(scheme) || "wss".equals(scheme) || "http".equals(scheme)
                    || "https".equals(scheme);
            return known && uri.getHost() != null ? null : expected;
        } catch (java.net.URISyntaxException e) {
            return expected + " (" + e.getReason() + ")";
        }
    }

    private String rangeProblem(String value) {
        try {
            long n = Long.parseLong(value);
            if (n >= min && n <= max) {
                return null;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the message
        }
        return "a whole number from " + min + " to " + max;
    }

    private String colonListProblem(String value) {
        if (value.isEmpty()) {
            return null; // no source at all
        }
        for (String part : value.split(":", -1)) {
            if (!isChoice(part)) {
                return "a ':'-separated list of " + String.join(", ", choices);
            }
        }
        return null;
    }
}
