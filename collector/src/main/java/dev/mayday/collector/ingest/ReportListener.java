package dev.mayday.collector.ingest;

/** Told about each new report once it is committed; the dashboard's live feed is one. */
@FunctionalInterface
public interface ReportListener {
    void stored(Report report);
}
