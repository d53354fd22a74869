package dev.mayday.collector.group;

/** How often a group occurred in one application version, and when. */
public record VersionCount(String version, long count, long firstSeenMs, long lastSeenMs) {
}
