package dev.mayday.collector.group;

/**
 * Filters of {@code GET /api/groups}; null means "any"; {@code kind} may list several, comma-separated.
 *
 * @param limit how many groups at most, most reports first
 */
public record GroupQuery(String app, String version, String kind, int limit) {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 5000;

    /** The kinds asked for: {@code kind=uncaught,oom} is either; empty means any. At most 20. */
    public java.util.List<String> kinds() {
        if (kind == null || kind.isBlank()) {
            return java.util.List.of();
        }
        return java.util.Arrays.stream(kind.split(",")).map(String::trim).filter(k -> !k.isEmpty())
                .distinct().limit(20).toList();
    }

    public static GroupQuery all() {
        return new GroupQuery(null, null, null, DEFAULT_LIMIT);
    }
}
