package dev.mayday.collector.store;

import dev.mayday.collector.group.GroupRules;
import dev.mayday.collector.ingest.Report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Merges and splits groups on the writer's connection, inside the caller's transaction: records
 * the rule (so later reports follow it), moves the stored reports, and rebuilds the running
 * totals of the groups involved from their reports.
 */
final class GroupEditor {

    static final int MAX_SPLIT_TEXT = 200;
    private static final String NOT_REPEATS = " AND kind <> '" + Report.REPEATS_KIND + "'";

    private GroupEditor() {
    }

    static GroupRules load(Connection c) throws SQLException {
        Map<String, String> merges = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT signature, into_signature FROM group_merges");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                merges.put(rs.getString(1), rs.getString(2));
            }
        }
        Map<String, List<GroupRules.Split>> splits = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT signature, contains_text, target, title FROM group_splits ORDER BY created_ms, target");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                splits.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(new GroupRules.Split(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
            }
        }
        return new GroupRules(merges, splits);
    }

    static String merge(Connection c, GroupRules rules, String from, String into, long now) throws SQLException {
        if (!exists(c, from)) {
            throw new NoSuchElementException("no group with signature " + from);
        }
        if (!exists(c, into)) {
            throw new NoSuchElementException("no group with signature " + into);
        }
        String target = rules.mergedTarget(into);
        if (target.equals(from)) {
            throw new IllegalArgumentException("a group cannot be merged into itself");
        }
        update(c, "DELETE FROM group_merges WHERE signature = ?", from);
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO group_merges (signature, into_signature, created_ms) VALUES (?,?,?)")) {
            s.setString(1, from);
            s.setString(2, target);
            s.setLong(3, now);
            s.executeUpdate();
        }
        // Rules that led into the merged group now lead to its target: no chains to follow.
        update(c, "UPDATE group_merges SET into_signature = ? WHERE into_signature = ?", target, from);
        update(c, "UPDATE reports SET signature = ? WHERE signature = ?", target, from);
        rebuild(c, from, null);
        rebuild(c, target, null);
        return target;
    }

    static String split(Connection c, String group, String contains, long now) throws SQLException {
        if (contains == null || contains.isBlank() || contains.length() > MAX_SPLIT_TEXT) {
            throw new IllegalArgumentException("the text to split by must be 1-" + MAX_SPLIT_TEXT + " characters");
        }
        String title;
        try (PreparedStatement s = c.prepareStatement("SELECT title FROM crash_groups WHERE signature = ?")) {
            s.setString(1, group);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new NoSuchElementException("no group with signature " + group);
                }
                title = rs.getString(1);
            }
        }
        String base = group.length() > 180 ? group.substring(0, 180) : group;
        String target = base + ":" + hex(group + "\n" + contains).substring(0, 8);
        String splitTitle = title + " [" + contains + "]";
        update(c, "DELETE FROM group_splits WHERE target = ?", target);
        try (PreparedStatement s = c.prepareStatement("INSERT INTO group_splits (target, signature, contains_text, title,"
                + " created_ms) VALUES (?,?,?,?,?)")) {
            s.setString(1, target);
            s.setString(2, group);
            s.setString(3, contains);
            s.setString(4, splitTitle);
            s.setLong(5, now);
            s.executeUpdate();
        }
        List<String> moving = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id, body FROM reports WHERE signature = ?")) {
            s.setString(1, group);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    if (GroupRules.Exceptions.of(BodyCodec.decode(rs.getBytes(2))).containsText(contains)) {
                        moving.add(rs.getString(1));
                    }
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("UPDATE reports SET signature = ? WHERE id = ?")) {
            for (String id : moving) {
                s.setString(1, target);
                s.setString(2, id);
                s.addBatch();
            }
            if (!moving.isEmpty()) {
                s.executeBatch();
            }
        }
        rebuild(c, group, null);
        rebuild(c, target, splitTitle);
        return target;
    }

    /** Recomputes a group's row, versions and machines from its reports; no reports, no group. */
    static void rebuild(Connection c, String group, String newTitle) throws SQLException {
        String title = null;
        String app = null;
        String kind = null;
        try (PreparedStatement s = c.prepareStatement("SELECT title, app, kind FROM crash_groups WHERE signature = ?")) {
            s.setString(1, group);
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    title = rs.getString(1);
                    app = rs.getString(2);
                    kind = rs.getString(3);
                }
            }
        }
        update(c, "DELETE FROM crash_groups WHERE signature = ?", group);
        update(c, "DELETE FROM group_versions WHERE signature = ?", group);
        update(c, "DELETE FROM group_machines WHERE signature = ?", group);
        long count;
        long repeats;
        long first;
        long last;
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*), SUM(CASE WHEN kind = '" + Report.REPEATS_KIND
                + "' THEN 0 ELSE 1 END), SUM(repeats), MIN(time_ms), MAX(time_ms) FROM reports WHERE signature = ?")) {
            s.setString(1, group);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    return; // every report moved away: the group is gone
                }
                count = rs.getLong(2);
                repeats = rs.getLong(3);
                first = rs.getLong(4);
                last = rs.getLong(5);
            }
        }
        if (title == null || kind == null || count > 0 && Report.REPEATS_KIND.equals(kind)) {
            try (PreparedStatement s = c.prepareStatement("SELECT title, app, kind FROM reports WHERE signature = ?"
                    + " ORDER BY CASE WHEN kind = '" + Report.REPEATS_KIND + "' THEN 1 ELSE 0 END, time_ms, id")) {
                s.setString(1, group);
                s.setMaxRows(1);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    title = title != null ? title : rs.getString(1);
                    app = app != null ? app : rs.getString(2);
                    kind = rs.getString(3);
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO group_versions (signature, version, count, first_ms, last_ms)"
                + " SELECT signature, COALESCE(version, '" + JdbcReportStore.UNKNOWN_VERSION + "'), COUNT(*), MIN(time_ms),"
                + " MAX(time_ms) FROM reports WHERE signature = ?" + NOT_REPEATS
                + " GROUP BY signature, COALESCE(version, '" + JdbcReportStore.UNKNOWN_VERSION + "')")) {
            s.setString(1, group);
            s.executeUpdate();
        }
        long machines;
        try (PreparedStatement s = c.prepareStatement("INSERT INTO group_machines (signature, machine_id)"
                + " SELECT DISTINCT signature, machine_id FROM reports WHERE signature = ? AND machine_id IS NOT NULL"
                + NOT_REPEATS)) {
            s.setString(1, group);
            machines = s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO crash_groups (signature, title, app, kind, count, machines,"
                + " first_ms, last_ms, repeats) VALUES (?,?,?,?,?,?,?,?,?)")) {
            s.setString(1, group);
            s.setString(2, newTitle != null ? newTitle : title);
            s.setString(3, app);
            s.setString(4, kind);
            s.setLong(5, count);
            s.setLong(6, machines);
            s.setLong(7, first);
            s.setLong(8, last);
            s.setLong(9, repeats);
            s.executeUpdate();
        }
    }

    private static boolean exists(Connection c, String group) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM crash_groups WHERE signature = ?")) {
            s.setString(1, group);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void update(Connection c, String sql, String... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setString(i + 1, args[i]);
            }
            s.executeUpdate();
        }
    }

    private static String hex(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder out = new StringBuilder();
            for (byte b : d) {
                out.append(String.format("%02x", b));
            }
            return out.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
