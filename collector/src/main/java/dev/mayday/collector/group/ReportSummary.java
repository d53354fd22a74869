package dev.mayday.collector.group;

/** One report in a group's list of newest reports. */
public record ReportSummary(String id, long timeMs, long receivedMs, String kind, String version,
                            String machineId, String comment) {
}
