package dev.mayday.collector.http;

import java.util.Set;

/**
 * One entry of {@link Routes}: a method set on a path, or on a path and everything below it.
 *
 * @param below whether {@code /path/anything} matches too (its rest is {@link Exchange#rest()})
 */
public record Route(Set<String> methods, String path, boolean below, Access access, Endpoint endpoint) {

    /** The part after the path ("" for the path itself), or null when the route does not match it. */
    String match(String requestPath) {
        if (requestPath.equals(path) || requestPath.equals(path + "/")) {
            return "";
        }
        if (below && requestPath.startsWith(path.endsWith("/") ? path : path + "/")) {
            String rest = requestPath.substring(path.length());
            while (rest.startsWith("/")) {
                rest = rest.substring(1);
            }
            while (rest.endsWith("/")) {
                rest = rest.substring(0, rest.length() - 1);
            }
            return rest;
        }
        return null;
    }
}
