package com.nexo.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Raw JDBC connections to the run's database, for tests that go around the application code.
 * {@link #asApplicationRole()} connects exactly as the application does (role {@code nexo_app}); the
 * administrator connection only creates and drops the throw-away database.
 */
public final class TestDatabase {

    public static final String HOST = System.getProperty("nexo.db.host", "localhost");
    public static final String PORT = System.getProperty("nexo.db.port", "5432");
    public static final String APP_ROLE = "nexo_app";
    public static final String OWNER_ROLE = "nexo_owner";

    private TestDatabase() {}

    /** The run's database, named by {@link TestRunDatabase} before the first test. */
    public static String name() {
        return System.getProperty("nexo.db.name", "nexo_test");
    }

    public static String url() {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + name();
    }

    public static String adminUrl() {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/postgres";
    }

    /** A connection as the application's role: row-level security applies to everything on it. */
    public static Connection asApplicationRole() throws SQLException {
        return DriverManager.getConnection(url(), APP_ROLE, APP_ROLE);
    }
}
