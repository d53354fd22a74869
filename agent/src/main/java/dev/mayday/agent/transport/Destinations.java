package dev.mayday.agent.transport;

import dev.mayday.agent.report.Redactor;
import java.net.URI;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/** Turns the {@code send} option's values (already checked by the options) into destinations. */
public final class Destinations {

    private Destinations() {
    }

    private static final Redactor SECRETS = new Redactor(null);

    /**
     * Destinations as the user gave them, safe to print: a {@code ?token=} in a URL becomes
     * {@code [redacted]}, so it never reaches a line Mayday prints.
     */
    public static String describe(String... values) {
        return SECRETS.pairs(String.join(", ", values));
    }

    /** See {@link #describe(String...)}. */
    public static String describe(List<String> values) {
        return describe(values.toArray(new String[0]));
    }

    /** One destination per value, in the order given; {@code token} may be null. */
    public static List<Destination> open(List<String> values, String token) {
        List<Destination> result = new ArrayList<Destination>(values.size());
        for (String value : values) {
            result.add(open(value, token));
        }
        return result;
    }

    static Destination open(String value, String token) {
        if (value.startsWith("file:")) {
            String path = value.substring("file:".length());
            if (path.startsWith("//")) {
                return new FileDestination(Paths.get(URI.create(value)), value);
            }
            return new FileDestination(Paths.get(path), value);
        }
        URI uri = URI.create(value);
        if (uri.getScheme().startsWith("ws")) {
            return new WebSocketDestination(uri, token);
        }
        return new HttpDestination(uri, token);
    }
}
