package dev.opsledger.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The devstack keeps data on disk: a second start on the same directory must find what the first left. */
class DevstackPersistenceIT {

    @Test
    void givenDataDirectory_whenPostgresRestarted_thenDatabaseAndRowsKept(@TempDir Path directory) throws Exception {
        Path data = directory.resolve("postgres");
        int port = Ports.freePort();
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(data, port)) {
            PostgresDatabase database = first.createDatabase("release_service");
            try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE deadline (id text PRIMARY KEY)");
                statement.execute("INSERT INTO deadline VALUES ('promotion-1')");
            }
        }

        try (EmbeddedPostgresServer second = EmbeddedPostgresServer.start(data, port)) {
            PostgresDatabase database = second.createDatabase("release_service");
            try (Connection connection = database.connect();
                    Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT id FROM deadline")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("promotion-1");
            }
        }
    }

    @Test
    void givenLogDirectory_whenKafkaRestarted_thenTopicKept(@TempDir Path directory) throws Exception {
        Path data = directory.resolve("kafka");
        int port = Ports.freePort();
        try (EmbeddedKafkaBroker first = EmbeddedKafkaBroker.start(data, port)) {
            first.createTopics("opsledger.release.events");
        }

        try (EmbeddedKafkaBroker second = EmbeddedKafkaBroker.start(data, port);
                Admin admin = second.admin()) {
            Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            assertThat(topics).contains("opsledger.release.events");
        }
    }
}
