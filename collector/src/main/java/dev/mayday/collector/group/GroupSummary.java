package dev.mayday.collector.group;

import java.util.List;

/**
 * One crash group: every report with the same signature.
 *
 * @param count    reports in the group (within the version filter, when one is given)
 * @param machines distinct {@code system.machineId} values seen
 * @param versions counts per application version, oldest version first
 * @param repeats  occurrences the agents' {@code quiet} held back (counted, never sent as reports)
 */
public record GroupSummary(String signature, String title, String app, String kind, long count,
                           long machines, long firstSeenMs, long lastSeenMs, List<VersionCount> versions, long repeats) {

    public GroupSummary(String signature, String title, String app, String kind, long count,
                        long machines, long firstSeenMs, long lastSeenMs, List<VersionCount> versions) {
        this(signature, title, app, kind, count, machines, firstSeenMs, lastSeenMs, versions, 0);
    }

    public GroupSummary withVersions(List<VersionCount> v) {
        return new GroupSummary(signature, title, app, kind, count, machines, firstSeenMs, lastSeenMs, v, repeats);
    }
}
