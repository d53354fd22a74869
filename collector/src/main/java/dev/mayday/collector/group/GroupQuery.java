package dev.mayday.collector.group;

/**
 * Filters of {@code GET /api/groups}; null means "any".
 *
 * @param limit how many groups at most, most reports first
 */
public record GroupQuery(String app, String version, String kind, int limit) {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 5000;

    public static GroupQuery all() {
        return new GroupQuery(null, null, null, DEFAULT_LIMIT);
    }
}
