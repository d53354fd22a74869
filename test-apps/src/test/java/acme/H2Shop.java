package acme;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A program on H2: {@code checkout} passes H2 a missing query, {@code connect} a server that is
 * not there. Which one runs is the first argument.
 */
public final class H2Shop {

    private H2Shop() {
    }

    public static void main(String[] args) throws SQLException {
        if (args.length > 0 && args[0].equals("connect")) {
            connect();
        } else {
            checkout(DriverManager.getConnection("jdbc:h2:mem:shop"), null);
        }
    }

    static void checkout(Connection connection, String query) throws SQLException {
        connection.prepareStatement(query).executeQuery();
    }

    static void connect() throws SQLException {
        DriverManager.getConnection("jdbc:h2:tcp://127.0.0.1:1/shop").close();
    }
}
