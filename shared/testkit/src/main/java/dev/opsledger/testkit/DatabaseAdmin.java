package dev.opsledger.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/** CREATE/DROP DATABASE through the maintenance database, behind {@link PostgresServer}'s default methods. */
final class DatabaseAdmin {

    // Identifiers are interpolated into DDL (it takes no bind parameters), so only plain names pass.
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final String DUPLICATE_DATABASE = "42P04";
    private static final String UNIQUE_VIOLATION = "23505";

    private DatabaseAdmin() {
    }

    static PostgresDatabase create(PostgresServer server, String name) {
        requireValidName(name);
        try (Connection connection = maintenance(server)) {
            if (!exists(connection, name)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE DATABASE \"" + name + "\"");
                } catch (SQLException e) {
                    // Another JVM (or thread) created it between our check and our CREATE: that is success.
                    if (!DUPLICATE_DATABASE.equals(e.getSQLState()) && !UNIQUE_VIOLATION.equals(e.getSQLState())) {
                        throw e;
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + " on " + server.jdbcUrl("postgres"), e);
        }
        return handle(server, name);
    }

    static void drop(PostgresServer server, String name) {
        requireValidName(name);
        try (Connection connection = maintenance(server); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop database " + name + " on " + server.jdbcUrl("postgres"), e);
        }
    }

    static PostgresDatabase handle(PostgresServer server, String name) {
        return new PostgresDatabase(name, server.jdbcUrl(name), server.username(), server.password());
    }

    static void requireValidName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "database name must match " + NAME.pattern() + " (lower case, digits, underscore): " + name);
        }
    }

    private static Connection maintenance(PostgresServer server) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl("postgres"), server.username(), server.password());
    }

    private static boolean exists(Connection connection, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, name);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next();
            }
        }
    }
}
