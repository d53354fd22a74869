package dev.mayday.agent.options;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** What values an option takes; checks one value and says what was expected when it is bad. */
abstract class Kind {

    /**
     * Returns null if {@code value} is acceptable, else the phrase that completes
     * "expected ..." in the error line.
     */
    abstract String problem(String value);

    static final Kind TEXT = new Kind() {
        @Override
        String problem(String value) {
            return value.isEmpty() ? "a non-empty value" : null;
        }
    };

    static final Kind BOOLEAN = choice("true", "false");

    static final Kind REGEX = new Kind() {
        @Override
        String problem(String value) {
            try {
                Pattern.compile(value);
                return null;
            } catch (PatternSyntaxException e) {
                return "a regular expression (" + e.getDescription() + " at index " + e.getIndex() + ")";
            }
        }
    };

    static final Kind MAIN_LOOP_PATTERN = new Kind() {
        @Override
        String problem(String value) {
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
    };

    static final Kind DESTINATION = new Kind() {
        @Override
        String problem(String value) {
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
    };

    static Kind choice(final String... choices) {
        return new Kind() {
            @Override
            String problem(String value) {
                for (String c : choices) {
                    if (c.equals(value)) {
                        return null;
                    }
                }
                return "one of " + String.join(", ", choices);
            }
        };
    }

    static Kind range(final long min, final long max) {
        return new Kind() {
            @Override
            String problem(String value) {
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
        };
    }

    static Kind colonList(final String... items) {
        final Kind item = choice(items);
        return new Kind() {
            @Override
            String problem(String value) {
                if (value.isEmpty()) {
                    return null; // no source at all
                }
                for (String part : value.split(":", -1)) {
                    if (item.problem(part) != null) {
                        return "a ':'-separated list of " + String.join(", ", items);
                    }
                }
                return null;
            }
        };
    }
}
