package dev.mayday.collector.store;

import dev.mayday.collector.group.GroupQuery;
import dev.mayday.collector.group.GroupRules;
import dev.mayday.collector.group.GroupSummary;
import dev.mayday.collector.group.ReportSummary;
import dev.mayday.collector.group.VersionCount;
import dev.mayday.collector.ingest.Report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The store over plain JDBC. Reports are kept whole (the body as sent) beside indexed
 * columns; each group is one row of running totals updated in the same transaction as the
 * report, so reading the ranking never scans reports.
 */
public final class JdbcReportStore implements ReportStore {

    /** Versions missing from a report are counted under this name, as the agent does. */
    public static final String UNKNOWN_VERSION = "unknown";

    private static final String INSERT_REPORT = "INSERT INTO reports (id, signature, time_ms, received_ms, app, version,"
            + " kind, machine_id, title, comment, body, repeats) VALUES (?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (id) DO NOTHING";
    private static final String UPSERT_GROUP = "INSERT INTO crash_groups (signature, title, app, kind, count, machines,"
            + " first_ms, last_ms, repeats) VALUES (?,?,?,?,?,0,?,?,?) ON CONFLICT (signature) DO UPDATE SET"
            + " count = crash_groups.count + excluded.count, repeats = crash_groups.repeats + excluded.repeats,"
            + " first_ms = CASE WHEN excluded.first_ms < crash_groups.first_ms THEN excluded.first_ms ELSE crash_groups.first_ms END,"
            + " last_ms = CASE WHEN excluded.last_ms > crash_groups.last_ms THEN excluded.last_ms ELSE crash_groups.last_ms END";
    private static final String UPSERT_VERSION = "INSERT INTO group_versions (signature, version, count, first_ms, last_ms)"
            + " VALUES (?,?,1,?,?) ON CONFLICT (signature, version) DO UPDATE SET count = group_versions.count + 1,"
            + " first_ms = CASE WHEN excluded.first_ms < group_versions.first_ms THEN excluded.first_ms ELSE group_versions.first_ms END,"
            + " last_ms = CASE WHEN excluded.last_ms > group_versions.last_ms THEN excluded.last_ms ELSE group_versions.last_ms END";
    private static final String INSERT_MACHINE = "INSERT INTO group_machines (signature, machine_id) VALUES (?,?)"
            + " ON CONFLICT (signature, machine_id) DO NOTHING";
    private static final String COUNT_MACHINE = "UPDATE crash_groups SET machines = machines + 1 WHERE signature = ?";
    private static final String GROUP_COLUMNS = "g.signature, g.title, g.app, g.kind, g.count, g.machines, g.first_ms, g.last_ms,"
            + " g.repeats";
    /** How long another collector's new rule may take to reach this one's ingest (PostgreSQL). */
    private static final long RULES_MAX_AGE_MS = 1000;

    private static final int IN_LIST_LIMIT = 300;
    private static final Comparator<VersionCount> VERSION_ORDER =
            Comparator.comparingLong(VersionCount::firstSeenMs).thenComparing(VersionCount::version);

    private final Dialect dialect;
    /** Guards the writer connection, which is replaced when the database drops it. */
    private final Object writeLock = new Object();
    private Connection writer;
    private final BlockingQueue<Connection> readers;
    private PreparedStatement insertReport;
    private PreparedStatement upsertGroup;
    private PreparedStatement upsertVersion;
    private PreparedStatement insertMachine;
    private PreparedStatement countMachine;
    private final List<Connection> allReaders = new ArrayList<>();
    /** The merge and split rules, read by the writer; reloaded when older than {@link #RULES_MAX_AGE_MS}. */
    private GroupRules rules = GroupRules.NONE;
    private long rulesLoadedMs = Long.MIN_VALUE;

    private JdbcReportStore(Dialect dialect) throws StoreException {
        this.dialect = dialect;
        try {
            this.writer = dialect.connect();
            dialect.prepare(writer);
            createSchema();
            writer.setAutoCommit(false);
            readers = new ArrayBlockingQueue<>(dialect.readers());
            for (int i = 0; i < dialect.readers(); i++) {
                Connection c = dialect.connect();
                dialect.prepare(c);
                allReaders.add(c);
                readers.add(c);
            }
        } catch (SQLException e) {
            close();
            throw new StoreException("cannot open " + dialect.describe() + ": " + e.getMessage(), e);
        }
    }

    /** Opens a file name or {@code jdbc:sqlite:} URL as SQLite, a {@code jdbc:postgresql:} URL as PostgreSQL. */
    public static JdbcReportStore open(String db) throws StoreException {
        Dialect d = db.startsWith("jdbc:postgresql:") ? new PostgresDialect(db) : new SqliteDialect(db);
        return new JdbcReportStore(d);
    }

    /** What the store is, for the start-up line. */
    public String describe() {
        return dialect.describe();
    }

    private void createSchema() throws SQLException {
        String[] ddl = {
            "CREATE TABLE IF NOT EXISTS reports (id VARCHAR(100) PRIMARY KEY, signature VARCHAR(200) NOT NULL,"
                + " time_ms BIGINT NOT NULL, received_ms BIGINT NOT NULL, app TEXT, version TEXT, kind TEXT NOT NULL,"
                + " machine_id TEXT, title TEXT NOT NULL, comment TEXT, body " + dialect.blobType() + " NOT NULL)",
            "CREATE INDEX IF NOT EXISTS reports_by_group ON reports (signature, time_ms)",
            // Few reports carry a comment: a partial index finds them without scanning the group.
            "CREATE INDEX IF NOT EXISTS reports_with_comment ON reports (signature, time_ms) WHERE comment IS NOT NULL",
            "CREATE TABLE IF NOT EXISTS crash_groups (signature VARCHAR(200) PRIMARY KEY, title TEXT NOT NULL,"
                + " app TEXT, kind TEXT NOT NULL, count BIGINT NOT NULL, machines BIGINT NOT NULL,"
                + " first_ms BIGINT NOT NULL, last_ms BIGINT NOT NULL)",
            // Matches the ranking's ORDER BY, so the top N are read straight off the index.
            "CREATE INDEX IF NOT EXISTS crash_groups_rank ON crash_groups (count DESC, signature)",
            "CREATE TABLE IF NOT EXISTS group_versions (signature VARCHAR(200) NOT NULL, version TEXT NOT NULL,"
                + " count BIGINT NOT NULL, first_ms BIGINT NOT NULL, last_ms BIGINT NOT NULL,"
                + " PRIMARY KEY (signature, version))",
            "CREATE INDEX IF NOT EXISTS group_versions_by_version ON group_versions (version, count)",
            "CREATE TABLE IF NOT EXISTS group_machines (signature VARCHAR(200) NOT NULL, machine_id TEXT NOT NULL,"
                + " PRIMARY KEY (signature, machine_id))",
            // The team's corrections (issue 8): a merged group's later reports go to its target...
            "CREATE TABLE IF NOT EXISTS group_merges (signature VARCHAR(200) PRIMARY KEY,"
                + " into_signature VARCHAR(200) NOT NULL, created_ms BIGINT NOT NULL)",
            // ...and a split's matching reports to a group of their own.
            "CREATE TABLE IF NOT EXISTS group_splits (target VARCHAR(200) PRIMARY KEY, signature VARCHAR(200) NOT NULL,"
                + " contains_text TEXT NOT NULL, title TEXT NOT NULL, created_ms BIGINT NOT NULL)",
        };
        // Two collectors starting on one PostgreSQL at once may race on CREATE ... IF NOT EXISTS.
        for (int attempt = 0; ; attempt++) {
            try (Statement s = writer.createStatement()) {
                for (String sql : ddl) {
                    s.execute(sql);
                }
                // Databases made before repeats were counted get the columns (default 0).
                addColumnIfMissing("reports", "repeats", "BIGINT NOT NULL DEFAULT 0");
                addColumnIfMissing("crash_groups", "repeats", "BIGINT NOT NULL DEFAULT 0");
                return;
            } catch (SQLException e) {
                if (attempt >= 3 || !dialect.isTransient(e)) {
                    throw e;
                }
            }
        }
    }

    private void addColumnIfMissing(String table, String column, String type) throws SQLException {
        if (hasColumn(table, column)) {
            return;
        }
        try (Statement s = writer.createStatement()) {
            s.execute("ALTER TABLE " + table + " ADD COLUMN " + column + " " + type);
        } catch (SQLException e) {
            if (!hasColumn(table, column)) { // another collector may have added it meanwhile
                throw e;
            }
        }
    }

    private boolean hasColumn(String table, String column) throws SQLException {
        try (ResultSet rs = writer.getMetaData().getColumns(null, null, table, column)) {
            return rs.next();
        }
    }

    @Override
    public boolean[] insert(List<Report> reports) throws StoreException {
        synchronized (writeLock) {
            SQLException last = null;
            for (int attempt = 0; attempt < 6; attempt++) {
                try {
                    if (writer == null) {
                        reconnectWriter();
                    }
                    boolean[] fresh = insertOnce(reports);
                    writer.commit();
                    return fresh;
                } catch (SQLException e) {
                    last = e;
                    rollbackQuietly();
                    boolean lost = !isValid(writer);
                    if (lost) {
                        dropWriter(); // a restarted server or a dropped connection: reconnect and retry
                    } else if (!dialect.isTransient(e)) {
                        break;
                    }
                    sleepQuietly(lost ? 200L << Math.min(attempt, 3) : 5L << attempt);
                }
            }
            throw new StoreException("storing reports failed: " + last.getMessage(), last);
        }
    }

    private boolean[] insertOnce(List<Report> reports) throws SQLException {
        boolean[] fresh = new boolean[reports.size()];
        long now = System.currentTimeMillis();
        // Updating groups in signature order means two collectors sharing PostgreSQL lock rows in
        // the same order and cannot deadlock on each other's batches.
        GroupRules rules = currentRules();
        String[] groups = new String[reports.size()];
        Integer[] order = new Integer[reports.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
            groups[i] = rules.groupOf(reports.get(i).signature(), reports.get(i).body());
        }
        java.util.Arrays.sort(order, Comparator.comparing((Integer i) -> groups[i])
                .thenComparing(i -> reports.get(i).id()));
        prepareWriterStatements();
        PreparedStatement report = insertReport;
        PreparedStatement group = upsertGroup;
        PreparedStatement version = upsertVersion;
        PreparedStatement machine = insertMachine;
        PreparedStatement machineCount = countMachine;
        for (int i : order) {
            Report r = reports.get(i);
            String key = groups[i];
            report.setString(1, r.id());
            report.setString(2, key);
            report.setLong(3, r.timeMs());
            report.setLong(4, now);
            report.setString(5, r.appName());
            report.setString(6, r.version());
            report.setString(7, r.kind());
            report.setString(8, r.machineId());
            report.setString(9, r.title());
            report.setString(10, r.comment());
            report.setBytes(11, r.stored() != null ? r.stored() : r.body());
            report.setLong(12, r.repeats());
            if (report.executeUpdate() == 0) {
                continue; // already stored: the same report delivered again changes nothing
            }
            fresh[i] = true;
            String splitTitle = key.equals(r.signature()) ? null : rules.splitTitle(key);
            group.setString(1, key);
            group.setString(2, splitTitle != null ? splitTitle : r.title());
            group.setString(3, r.appName());
            group.setString(4, r.kind());
            group.setLong(5, r.isRepeatsRecord() ? 0 : 1);
            group.setLong(6, r.timeMs());
            group.setLong(7, r.timeMs());
            group.setLong(8, r.repeats());
            group.executeUpdate();
            if (r.isRepeatsRecord()) {
                continue; // held-back occurrences: counted in the group, not a version's or machine's report
            }
            version.setString(1, key);
            version.setString(2, r.version() == null ? UNKNOWN_VERSION : r.version());
            version.setLong(3, r.timeMs());
            version.setLong(4, r.timeMs());
            version.executeUpdate();
            if (r.machineId() != null) {
                machine.setString(1, key);
                machine.setString(2, r.machineId());
                if (machine.executeUpdate() > 0) {
                    machineCount.setString(1, key);
                    machineCount.executeUpdate();
                }
            }
        }
        return fresh;
    }

    private void reconnectWriter() throws SQLException {
        Connection c = dialect.connect();
        dialect.prepare(c);
        c.setAutoCommit(false);
        writer = c;
    }

    private void dropWriter() {
        if (writer != null) {
            closeQuietly(writer);
        }
        writer = null;
        insertReport = null;
    }

    private static boolean isValid(Connection c) {
        try {
            return c != null && c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    /** The writer's statements, prepared once: preparing five statements per batch showed in profiles. */
    private void prepareWriterStatements() throws SQLException {
        if (insertReport == null) {
            insertReport = writer.prepareStatement(INSERT_REPORT);
            upsertGroup = writer.prepareStatement(UPSERT_GROUP);
            upsertVersion = writer.prepareStatement(UPSERT_VERSION);
            insertMachine = writer.prepareStatement(INSERT_MACHINE);
            countMachine = writer.prepareStatement(COUNT_MACHINE);
        }
    }

    @Override
    public List<GroupSummary> groups(GroupQuery q) throws StoreException {
        StringBuilder sql = new StringBuilder();
        List<String> params = new ArrayList<>();
        if (q.version() != null) {
            // Filtered by version: rank and count within that version.
            sql.append("SELECT g.signature, g.title, g.app, g.kind, v.count, g.machines, v.first_ms, v.last_ms, g.repeats")
               .append(" FROM group_versions v JOIN crash_groups g ON g.signature = v.signature WHERE v.version = ?");
            params.add(q.version());
        } else {
            sql.append("SELECT ").append(GROUP_COLUMNS).append(" FROM crash_groups g WHERE 1=1");
        }
        if (q.app() != null) {
            sql.append(" AND g.app = ?");
            params.add(q.app());
        }
        List<String> kinds = q.kinds();
        if (!kinds.isEmpty()) {
            sql.append(" AND g.kind IN (").append(String.join(",", java.util.Collections.nCopies(kinds.size(), "?"))).append(")");
            params.addAll(kinds);
        }
        sql.append(q.version() != null ? " ORDER BY v.count DESC" : " ORDER BY g.count DESC")
           .append(", g.signature LIMIT ").append(Math.max(1, Math.min(q.limit(), GroupQuery.MAX_LIMIT)));
        return read(c -> {
            List<GroupSummary> groups = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < params.size(); i++) {
                    s.setString(i + 1, params.get(i));
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        groups.add(groupRow(rs));
                    }
                }
            }
            return withVersions(c, groups);
        });
    }

    @Override
    public Optional<GroupSummary> group(String signature) throws StoreException {
        return read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + GROUP_COLUMNS + " FROM crash_groups g WHERE g.signature = ?")) {
                s.setString(1, signature);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(withVersions(c, List.of(groupRow(rs))).get(0));
                }
            }
        });
    }

    @Override
    public List<ReportSummary> newestReports(String signature, int limit, boolean commentsOnly) throws StoreException {
        String sql = "SELECT id, time_ms, received_ms, kind, version, machine_id, comment FROM reports WHERE signature = ?"
                + " AND kind <> '" + Report.REPEATS_KIND + "'" + (commentsOnly ? " AND comment IS NOT NULL" : "") + " ORDER BY time_ms DESC LIMIT " + Math.max(1, limit);
        return read(c -> {
            List<ReportSummary> list = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, signature);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        list.add(new ReportSummary(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getString(7)));
                    }
                }
            }
            return list;
        });
    }

    @Override
    public Optional<byte[]> reportBody(String id) throws StoreException {
        return read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT body FROM reports WHERE id = ?")) {
                s.setString(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(BodyCodec.decode(rs.getBytes(1))) : Optional.empty();
                }
            }
        });
    }

    @Override
    public long reportCount() throws StoreException {
        return read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM reports")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Override
    public String merge(String from, String into) throws StoreException {
        return edit(c -> GroupEditor.merge(c, currentRules(), from, into, System.currentTimeMillis()));
    }

    @Override
    public String split(String group, String contains) throws StoreException {
        return edit(c -> GroupEditor.split(c, group, contains, System.currentTimeMillis()));
    }

    @Override
    public GroupRules rules() throws StoreException {
        return read(GroupEditor::load);
    }

    /** One edit of the rules in one transaction of the writer; the rules are read again after it. */
    private <T> T edit(ReadAction<T> action) throws StoreException {
        synchronized (writeLock) {
            try {
                if (writer == null) {
                    reconnectWriter();
                }
                T result = action.apply(writer);
                writer.commit();
                rulesLoadedMs = Long.MIN_VALUE;
                return result;
            } catch (SQLException e) {
                rollbackQuietly();
                throw new StoreException("changing the groups failed: " + e.getMessage(), e);
            } catch (RuntimeException e) {
                rollbackQuietly();
                throw e;
            }
        }
    }

    /** The rules as the writer sees them, read again when older than a second (another collector may add some). */
    private GroupRules currentRules() throws SQLException {
        long now = System.currentTimeMillis();
        if (rulesLoadedMs == Long.MIN_VALUE || now - rulesLoadedMs > RULES_MAX_AGE_MS) {
            rules = GroupEditor.load(writer);
            rulesLoadedMs = now;
        }
        return rules;
    }

    private static GroupSummary groupRow(ResultSet rs) throws SQLException {
        return new GroupSummary(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                rs.getLong(6), rs.getLong(7), rs.getLong(8), List.of(), rs.getLong(9));
    }

    private static List<GroupSummary> withVersions(Connection c, List<GroupSummary> groups) throws SQLException {
        if (groups.isEmpty()) {
            return groups;
        }
        Map<String, List<VersionCount>> bySignature = new LinkedHashMap<>();
        for (GroupSummary g : groups) {
            bySignature.put(g.signature(), new ArrayList<>());
        }
        // A long IN list costs more than reading every version row once: past a few hundred groups,
        // read them all and keep the ones asked for.
        boolean all = groups.size() > IN_LIST_LIMIT;
        StringBuilder sql = new StringBuilder("SELECT signature, version, count, first_ms, last_ms FROM group_versions");
        if (!all) {
            sql.append(" WHERE signature IN (");
            for (int i = 0; i < groups.size(); i++) {
                sql.append(i == 0 ? "?" : ",?");
            }
            sql.append(")");
        }
        // sorted per group below: sorting a few rows per group beats sorting the whole result
        try (PreparedStatement s = c.prepareStatement(sql.toString())) {
            for (int i = 0; !all && i < groups.size(); i++) {
                s.setString(i + 1, groups.get(i).signature());
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    List<VersionCount> list = bySignature.get(rs.getString(1));
                    if (list != null) {
                        list.add(new VersionCount(rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)));
                    }
                }
            }
        }
        List<GroupSummary> out = new ArrayList<>(groups.size());
        for (GroupSummary g : groups) {
            List<VersionCount> versions = bySignature.get(g.signature());
            versions.sort(VERSION_ORDER);
            out.add(g.withVersions(List.copyOf(versions)));
        }
        return out;
    }

    private interface ReadAction<T> {
        T apply(Connection c) throws SQLException;
    }

    private <T> T read(ReadAction<T> action) throws StoreException {
        Connection c;
        try {
            c = readers.poll(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for a database connection", e);
        }
        if (c == null) {
            throw new StoreException("no database connection free after 30 s", null);
        }
        try {
            return action.apply(c);
        } catch (SQLException e) {
            if (!isValid(c)) {
                c = replaceReader(c);
                try {
                    return action.apply(c); // one retry on a fresh connection
                } catch (SQLException again) {
                    throw new StoreException("reading failed: " + again.getMessage(), again);
                }
            }
            throw new StoreException("reading failed: " + e.getMessage(), e);
        } finally {
            readers.add(c);
        }
    }

    /** Swaps a dropped reader connection for a new one; keeps the old one if the database is still away. */
    private Connection replaceReader(Connection dead) {
        try {
            Connection fresh = dialect.connect();
            dialect.prepare(fresh);
            synchronized (allReaders) {
                allReaders.remove(dead);
                allReaders.add(fresh);
            }
            closeQuietly(dead);
            return fresh;
        } catch (SQLException e) {
            return dead;
        }
    }

    private void rollbackQuietly() {
        try {
            if (writer != null) {
                writer.rollback();
            }
        } catch (SQLException ignored) {
            // the next attempt or the caller reports the original failure
        }
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        synchronized (allReaders) {
            for (Connection c : allReaders) {
                closeQuietly(c);
            }
        }
        synchronized (writeLock) {
            if (writer != null) {
                closeQuietly(writer);
            }
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing at shutdown: nothing left to do about it
        }
    }
}
