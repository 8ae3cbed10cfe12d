package dev.opsledger.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.opsledger.platform.sample.SampleApplication;
import dev.opsledger.platform.sample.SampleMessages.OpenSampleTask;
import dev.opsledger.platform.sample.SampleMessages.ScheduleSampleReminder;
import dev.opsledger.testkit.PostgresDatabase;
import dev.opsledger.testkit.WithPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A deadline is a row in PostgreSQL, not a timer in a JVM: scheduled by one run of the service,
 * it fires in the next run. With Axon's in-memory {@code SimpleDeadlineManager} it would be lost.
 */
@WithPostgres
class DeadlineAcrossRestartIT {

    // Long enough that the first context is surely closed before it is due.
    private static final Duration DELAY = Duration.ofSeconds(10);

    @Test
    void givenReminderScheduled_whenServiceRestarts_thenTheNewRunFiresIt(PostgresDatabase database) {
        String taskId = "task-" + UUID.randomUUID();
        try (ConfigurableApplicationContext first = start(database)) {
            CommandGateway commandGateway = first.getBean(CommandGateway.class);
            commandGateway.sendAndWait(new OpenSampleTask(taskId, 1));
            commandGateway.sendAndWait(new ScheduleSampleReminder(taskId, DELAY));
            assertThat(firedReminders(first, taskId)).isEmpty();
        }
        // Both runs write to the same table: only the time of the firing tells which run it was.
        Instant firstRunStopped = Instant.now();

        try (ConfigurableApplicationContext second = start(database)) {
            await().atMost(DELAY.plusSeconds(45)).until(() -> firedReminders(second, taskId).size() == 1);
            assertThat(firedReminders(second, taskId).getFirst())
                    .as("the reminder fired in the run after the restart, not in the first one")
                    .isAfter(firstRunStopped);
        }
    }

    /** When each {@code SampleReminderFired} of the task was recorded. */
    private static List<Instant> firedReminders(ConfigurableApplicationContext context, String taskId) {
        return context.getBean(JdbcClient.class).sql("""
                        SELECT time_stamp FROM domain_event_entry
                        WHERE aggregate_identifier = ? AND payload_type LIKE '%SampleReminderFired'""")
                .param(taskId).query((row, n) -> Instant.parse(row.getString("time_stamp"))).list();
    }

    private static ConfigurableApplicationContext start(PostgresDatabase database) {
        return new SpringApplicationBuilder(SampleApplication.class)
                .profiles("platform-sample")
                .properties(database.properties())
                .properties("opsledger.kafka.enabled=false")
                .run();
    }
}
