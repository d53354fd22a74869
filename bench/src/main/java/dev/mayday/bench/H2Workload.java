package dev.mayday.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A SQL workload on H2's in-memory database, for the CPU a database program spends under Mayday
 * (issue 7: "H2 running a SQL workload uses about 11% more CPU"). Inserts in batches, point reads
 * by key, range aggregates and updates, on one connection; it never fails. H2 is not in
 * benchmarks.jar (its 1,000 entries would change what other benchmarks measure): put its jar on
 * the class path, as bench/README.md shows. Only java.sql is compiled against.
 *
 * <p>Usage: {@code H2Workload [rows]}; prints the rows and a checksum, so the work is not dropped.
 */
public final class H2Workload {

    private H2Workload() {
    }

    public static void main(String[] args) throws SQLException {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        long checksum = 0;
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:workload")) {
            try (Statement s = c.createStatement()) {
                s.execute("create table orders(id int primary key, customer int, amount decimal(10,2), note varchar(64))");
                s.execute("create index orders_customer on orders(customer)");
            }
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("insert into orders values (?, ?, ?, ?)")) {
                for (int i = 0; i < rows; i++) {
                    insert.setInt(1, i);
                    insert.setInt(2, i % 1000);
                    insert.setBigDecimal(3, java.math.BigDecimal.valueOf(i % 10_000, 2));
                    insert.setString(4, "order " + i);
                    insert.addBatch();
                    if (i % 1000 == 999) {
                        insert.executeBatch();
                        c.commit();
                    }
                }
                insert.executeBatch();
                c.commit();
            }
            try (PreparedStatement read = c.prepareStatement("select amount, note from orders where id = ?")) {
                for (int i = 0; i < rows / 2; i++) {
                    read.setInt(1, (int) ((i * 7919L) % rows));
                    try (ResultSet r = read.executeQuery()) {
                        if (r.next()) {
                            checksum += r.getString(2).length();
                        }
                    }
                }
            }
            try (PreparedStatement sum = c.prepareStatement("select count(*), sum(amount) from orders where customer = ?")) {
                for (int customer = 0; customer < 1000; customer++) {
                    sum.setInt(1, customer);
                    try (ResultSet r = sum.executeQuery()) {
                        r.next();
                        checksum += r.getLong(1);
                    }
                }
            }
            try (PreparedStatement update = c.prepareStatement("update orders set amount = amount + 1 where customer = ?")) {
                for (int customer = 0; customer < 200; customer++) {
                    update.setInt(1, customer);
                    checksum += update.executeUpdate();
                }
                c.commit();
            }
        }
        System.out.println(rows + " rows, checksum " + checksum);
    }
}
