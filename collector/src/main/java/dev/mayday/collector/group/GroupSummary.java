package dev.mayday.collector.group;

import java.util.List;

/**
 * One crash group: every report with the same signature.
 *
 * @param count    reports in the group (within the version filter, when one is given)
 * @param machines distinct {@code system.machineId} values seen
 * @param versions counts per application version, oldest version first
 */
public record GroupSummary(String signature, String title, String app, String kind, long count,
                           long machines, long firstSeenMs, long lastSeenMs, List<VersionCount> versions) {

    public GroupSummary withVersions(List<VersionCount> v) {
        return new GroupSummary(signature, title, app, kind, count, machines, firstSeenMs, lastSeenMs, v);
    }
}
