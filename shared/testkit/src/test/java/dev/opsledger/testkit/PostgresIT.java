package dev.opsledger.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@WithPostgres
class PostgresIT {

    @Test
    void givenClassDatabase_whenRowInserted_thenReadBack(PostgresDatabase database) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE visit (id int PRIMARY KEY, who text NOT NULL)");
            statement.execute("INSERT INTO visit VALUES (1, 'dev1')");
            try (ResultSet rs = statement.executeQuery("SELECT who FROM visit WHERE id = 1")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("dev1");
            }
            try (ResultSet rs = statement.executeQuery("SHOW server_version")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).startsWith(TestkitVersions.postgresMajor() + ".");
            }
        }
    }

    @Test
    void givenTableInThisClassDatabase_whenOtherClassAsks_thenItsDatabaseIsEmpty(PostgresDatabase database)
            throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS only_here (id int)");
        }

        PostgresDatabase other = TestInfrastructure.databaseFor(AnotherTestClass.class);

        assertThat(other.name()).isNotEqualTo(database.name());
        assertThat(tableExists(other, "only_here")).isFalse();
        assertThat(tableExists(database, "only_here")).isTrue();
    }

    @Test
    void givenSameClass_whenAskedTwice_thenSameDatabaseAndSpringProperties(PostgresDatabase database) {
        assertThat(TestInfrastructure.databaseFor(PostgresIT.class)).isEqualTo(database);
        assertThat(database.properties())
                .containsEntry("spring.datasource.url", database.jdbcUrl())
                .containsEntry("spring.datasource.username", database.username())
                .containsEntry("spring.datasource.password", database.password());
        assertThat(database.jdbcUrl()).contains("127.0.0.1").endsWith("/" + database.name());
    }

    @Test
    void givenExistingDatabase_whenCreatedAgain_thenDataKept(PostgresServer server) throws SQLException {
        PostgresDatabase first = server.createDatabase("testkit_idempotent");
        try (Connection connection = first.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS kept (id int)");
        }

        PostgresDatabase second = server.createDatabase("testkit_idempotent");

        assertThat(second).isEqualTo(first);
        assertThat(tableExists(second, "kept")).isTrue();
        server.dropDatabase("testkit_idempotent");
    }

    @Nested
    class InNestedClass {

        @Test
        void givenNestedClass_whenDatabaseResolved_thenEnclosingClassDatabase(PostgresDatabase database) {
            assertThat(database).isEqualTo(TestInfrastructure.databaseFor(PostgresIT.class));
        }
    }

    static boolean tableExists(PostgresDatabase database, String table) throws SQLException {
        try (Connection connection = database.connect();
                ResultSet rs = connection.getMetaData().getTables(null, "public", table, null)) {
            return rs.next();
        }
    }

    static final class AnotherTestClass {
    }
}
