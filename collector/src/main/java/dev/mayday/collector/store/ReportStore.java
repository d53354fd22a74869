package dev.mayday.collector.store;

import dev.mayday.collector.group.GroupQuery;
import dev.mayday.collector.group.GroupRules;
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

    /**
     * Merges group {@code from} into group {@code into}: its reports, counts, versions and
     * machines move, and every later report of {@code from} goes to {@code into} too.
     *
     * @return the group the reports are in now ({@code into}, or where {@code into} was merged)
     * @throws java.util.NoSuchElementException when either group does not exist
     * @throws IllegalArgumentException when {@code from} and {@code into} are one group
     */
    default String merge(String from, String into) throws StoreException {
        throw new StoreException("merging groups is not supported by this store", null);
    }

    /**
     * Splits off the reports of {@code group} whose exception (type, message or a frame's
     * class.method) contains {@code contains} into a group of their own, now and for every later
     * report.
     *
     * @return the new group's signature
     * @throws java.util.NoSuchElementException when the group does not exist
     * @throws IllegalArgumentException when {@code contains} is empty or too long
     */
    default String split(String group, String contains) throws StoreException {
        throw new StoreException("splitting groups is not supported by this store", null);
    }

    /** The merge and split rules in force. */
    default GroupRules rules() throws StoreException {
        return GroupRules.NONE;
    }

    /** How many reports are stored. */
    long reportCount() throws StoreException;

    @Override
    void close();
}
