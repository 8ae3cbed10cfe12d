package dev.opsledger.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.opsledger.platform.sample.SampleApplication;
import dev.opsledger.testkit.PostgresDatabase;
import dev.opsledger.testkit.WithPostgres;
import java.time.Duration;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A deployment that ran its service's migrations (V100+) before a platform upgrade brought a new
 * platform migration (V7, below them by ADR 001's ranges) still starts, and gets the new table
 * (ADR 076). Without out-of-order migrations Flyway would call V7 "ignored" and refuse to start.
 */
@WithPostgres
class PlatformMigrationsIT {

    @Test
    void givenADatabaseMigratedBeforeTheLatestPlatformMigration_whenTheServiceStarts_thenItIsAppliedAfterTheServices(
            PostgresDatabase database) {
        flyway(database).locations(PlatformFlywayLocations.PLATFORM_LOCATION).target("6").load().migrate();
        flyway(database).locations("classpath:db/migration/automation").ignoreMigrationPatterns("*:missing")
                .load().migrate();

        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(SampleApplication.class)
                .profiles("platform-sample")
                .properties(database.properties())
                .properties("opsledger.kafka.enabled=false")
                .run()) {
            JdbcClient jdbc = service.getBean(JdbcClient.class);
            List<String> applied = jdbc.sql("SELECT version FROM flyway_schema_history WHERE success "
                    + "AND version IS NOT NULL ORDER BY installed_rank").query(String.class).list();
            assertThat(applied).endsWith("6", "100", "7");
            String instance = service.getBean(TokenOwner.class).value();
            await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                    "SELECT count(*) FROM processor_instance WHERE instance_id = ?").param(instance)
                    .query(Long.class).single() == 1);
        }
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(PostgresDatabase database) {
        return Flyway.configure().dataSource(database.jdbcUrl(), database.username(), database.password());
    }
}
