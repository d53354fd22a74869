package dev.mayday.collector.store;

import dev.mayday.collector.group.GroupQuery;
import dev.mayday.collector.group.GroupSummary;
import dev.mayday.collector.group.ReportSummary;
import dev.mayday.collector.ingest.Report;

import java.util.List;
import java.util.Optional;

/**
 * Where reports and their groups live. One implementation over plain JDBC serves SQLite and
 * PostgreSQL; the differences are in {@link Dialect}.
 */
public interface ReportStore extends AutoCloseable {

    /**
     * Stores the reports in one transaction and updates their groups.
     *
     * @return for each report, in order, true if it was new and false if its id was already stored
     */
    boolean[] insert(List<Report> reports) throws StoreException;

    /** Groups ranked by count, most first. */
    List<GroupSummary> groups(GroupQuery query) throws StoreException;

    Optional<GroupSummary> group(String signature) throws StoreException;

    /** The newest reports of a group; with {@code commentsOnly} just those carrying a user comment. */
    List<ReportSummary> newestReports(String signature, int limit, boolean commentsOnly) throws StoreException;

    /** The report's body exactly as it was received. */
    Optional<byte[]> reportBody(String id) throws StoreException;

    /** How many reports are stored. */
    long reportCount() throws StoreException;

    @Override
    void close();
}
