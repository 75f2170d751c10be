package com.nexo.tenancy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Development convenience: before anything touches the database, creates NEXO's roles (owner,
 * application and actor roles) and database through an administrator connection, so that one command
 * starts the application on a machine where only PostgreSQL runs. Enabled by
 * {@code nexo.db.bootstrap.enabled}; Compose and production installs create roles with
 * {@code db/compose/init-roles.sh} instead and leave it off.
 */
public class DatabaseBootstrap implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final Log LOG = LogFactory.getLog(DatabaseBootstrap.class);
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment env = context.getEnvironment();
        if (!env.getProperty("nexo.db.bootstrap.enabled", Boolean.class, false)) {
            return;
        }
        Settings settings = new Settings(
                env.getRequiredProperty("nexo.db.bootstrap.admin-url"),
                env.getRequiredProperty("nexo.db.bootstrap.admin-user"),
                env.getProperty("nexo.db.bootstrap.admin-password", ""),
                env.getRequiredProperty("nexo.db.name"),
                env.getRequiredProperty("spring.flyway.user"),
                env.getProperty("spring.flyway.password", ""),
                env.getRequiredProperty("spring.datasource.username"),
                env.getProperty("spring.datasource.password", ""),
                ActorRoles.from(env));
        try {
            run(settings);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException(
                    "Could not prepare the NEXO database through " + settings.adminUrl()
                            + ". Is PostgreSQL running, and may " + settings.adminUser() + " create roles?",
                    e);
        }
    }

    /** Creates the roles (idempotent) and the database if it does not exist yet. */
    static void run(Settings settings) throws SQLException, IOException {
        for (String name : new String[] {settings.database(), settings.ownerRole(), settings.appRole()}) {
            if (!IDENTIFIER.matcher(name).matches()) {
                throw new IllegalArgumentException("Not a plain lower-case SQL identifier: " + name);
            }
        }
        if (settings.actorRoles().all().contains(settings.ownerRole())
                || settings.actorRoles().all().contains(settings.appRole())) {
            throw new IllegalArgumentException("The actor roles must differ from the owner and application roles");
        }
        ActorRoles actors = settings.actorRoles();
        String rolesSql = readRolesScript(Map.of(
                "owner_role", settings.ownerRole(),
                "owner_password", settings.ownerPassword(),
                "app_role", settings.appRole(),
                "app_password", settings.appPassword(),
                "staff_role", actors.staff(),
                "client_role", actors.client(),
                "supplier_role", actors.supplier(),
                "professional_role", actors.professional(),
                "operator_role", actors.operator(),
                "visitor_role", actors.visitor()));
        try (Connection admin =
                DriverManager.getConnection(settings.adminUrl(), settings.adminUser(), settings.adminPassword())) {
            try (Statement statement = admin.createStatement()) {
                statement.execute(rolesSql);
            }
            if (!databaseExists(admin, settings.database())) {
                try (Statement statement = admin.createStatement()) {
                    statement.execute("CREATE DATABASE " + settings.database() + " OWNER " + settings.ownerRole()
                            + " ENCODING 'UTF8' TEMPLATE template0");
                    statement.execute("REVOKE ALL ON DATABASE " + settings.database() + " FROM PUBLIC");
                    // CONNECT only: no temporary tables for the application (issue 12, migration V25).
                    statement.execute("GRANT CONNECT ON DATABASE " + settings.database() + " TO " + settings.appRole());
                }
                LOG.info("Created database " + settings.database() + " owned by " + settings.ownerRole());
            }
        }
    }

    /** Drops a database (used for the throw-away databases of test runs). */
    public static void drop(String adminUrl, String adminUser, String adminPassword, String database)
            throws SQLException {
        if (!IDENTIFIER.matcher(database).matches()) {
            throw new IllegalArgumentException("Not a plain lower-case SQL identifier: " + database);
        }
        try (Connection admin = DriverManager.getConnection(adminUrl, adminUser, adminPassword);
                Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private static boolean databaseExists(Connection admin, String database) throws SQLException {
        try (PreparedStatement query = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, database);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static String readRolesScript(Map<String, String> values) throws IOException {
        String script;
        try (InputStream in = DatabaseBootstrap.class.getResourceAsStream("/db/roles/create-roles.sql")) {
            if (in == null) {
                throw new IOException("db/roles/create-roles.sql is missing from the classpath");
            }
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (Map.Entry<String, String> value : values.entrySet()) {
            // The script quotes values itself (format %L / %I); only a stray quote could break out.
            if (value.getValue().contains("'")) {
                throw new IllegalArgumentException(value.getKey() + " must not contain a quote");
            }
            script = script.replace("${" + value.getKey() + "}", value.getValue());
        }
        return script;
    }

    /** Where and as whom the database is prepared, and the actor roles the application switches to. */
    record Settings(
            String adminUrl,
            String adminUser,
            String adminPassword,
            String database,
            String ownerRole,
            String ownerPassword,
            String appRole,
            String appPassword,
            ActorRoles actorRoles) {}
}
