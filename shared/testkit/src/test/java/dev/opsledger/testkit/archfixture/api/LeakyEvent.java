package dev.opsledger.testkit.archfixture.api;

import java.sql.Connection;

/** A domain message that reaches for JDBC: what {@code ServiceArchitectureTests} must refuse. */
public record LeakyEvent(String id) {

    public boolean storeWith(Connection connection) {
        return connection != null;
    }
}
