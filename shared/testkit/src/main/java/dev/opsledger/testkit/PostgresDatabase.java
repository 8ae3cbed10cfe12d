package dev.opsledger.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/**
 * One database on a {@link PostgresServer}. Passing {@link #properties()} to a second Spring
 * application (for example {@code new SpringApplicationBuilder(App.class).properties(db.properties())})
 * points it at the same data, which is how a test restarts a service against what it left behind.
 */
public record PostgresDatabase(String name, String jdbcUrl, String username, String password) {

    /** The Spring Boot datasource properties for this database. */
    public Map<String, Object> properties() {
        return Map.of(
                "spring.datasource.url", jdbcUrl,
                "spring.datasource.username", username,
                "spring.datasource.password", password);
    }

    /** A new JDBC connection, for tests that check or prepare data without Spring. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, username, password);
    }

    @Override
    public String toString() {
        // Keeps the password out of test reports and logs.
        return "PostgresDatabase[" + name + " at " + jdbcUrl + "]";
    }
}
