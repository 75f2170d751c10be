package com.nexo.testing;

import com.nexo.tenancy.DatabaseBootstrap;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Gives each test run a fresh database: before any test, {@code nexo.db.name} is set to a new name
 * (the application's development bootstrap then creates it and Flyway migrates it); when the run
 * ends the database is dropped. Set {@code NEXO_KEEP_TEST_DB} to keep it for inspection.
 */
public class TestRunDatabase implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getProperty("nexo.db.name") == null) {
            String name = "nexo_test_"
                    + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss"))
                    + "_" + ThreadLocalRandom.current().nextInt(1000, 10000);
            System.setProperty("nexo.db.name", name);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        String name = TestDatabase.name();
        if (!name.startsWith("nexo_test_") || System.getenv("NEXO_KEEP_TEST_DB") != null) {
            return;
        }
        try {
            DatabaseBootstrap.drop(TestDatabase.adminUrl(), "postgres", "", name);
        } catch (Exception e) {
            System.err.println("Could not drop test database " + name + ": " + e.getMessage());
        }
    }
}
