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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * JobRunr runs a job up to one poll interval before it is due; the platform's
 * {@link OnTimeDeadlineManager} makes a deadline fire at its moment or after, and once.
 * Several deadlines make an early firing (the old behaviour) all but certain to be caught.
 */
@WithPostgres
class DeadlineOnTimeIT {

    private static final Duration POLL_INTERVAL = Duration.ofSeconds(5);
    private static final int DEADLINES = 4;
    // Longer than the poll interval, so JobRunr would have picked each up early at some poll.
    private static final Duration DELAY = Duration.ofSeconds(7);

    @Test
    void givenDeadlinesScheduled_whenJobRunrPolls_thenEachFiresNotBeforeItsMomentAndOnce(PostgresDatabase database) {
        try (ConfigurableApplicationContext context = start(database)) {
            assertThat(context.getBean(DeadlineManager.class)).isInstanceOf(OnTimeDeadlineManager.class);
            CommandGateway commandGateway = context.getBean(CommandGateway.class);
            List<String> taskIds = new ArrayList<>();
            for (int i = 0; i < DEADLINES; i++) {
                String taskId = "task-" + UUID.randomUUID();
                commandGateway.sendAndWait(new OpenSampleTask(taskId, 1));
                commandGateway.sendAndWait(new ScheduleSampleReminder(taskId, DELAY));
                taskIds.add(taskId);
            }

            // At most one poll interval late, plus time for a slow machine.
            await().atMost(DELAY.plus(POLL_INTERVAL).plusSeconds(45))
                    .until(() -> taskIds.stream().allMatch(id -> !times(context, id, "SampleReminderFired").isEmpty()));

            for (String taskId : taskIds) {
                // The deadline was computed before SampleReminderScheduled was applied: this bound is never early.
                Instant due = times(context, taskId, "SampleReminderScheduled").getFirst().plus(DELAY);
                Instant fired = times(context, taskId, "SampleReminderFired").getFirst();
                System.out.printf("DeadlineOnTimeIT: %s due %s fired %s (%d ms after)%n",
                        taskId, due, fired, Duration.between(due, fired).toMillis());
                assertThat(fired).as("the reminder of %s fired at or after its moment", taskId).isAfterOrEqualTo(due);
            }
            // Two more polls: a deadline that fired is not run again.
            await().during(POLL_INTERVAL.multipliedBy(2)).atMost(POLL_INTERVAL.multipliedBy(2).plusSeconds(30))
                    .until(() -> taskIds.stream().allMatch(id -> times(context, id, "SampleReminderFired").size() == 1));
        }
    }

    /** When each event of the given type of the task was recorded. */
    private static List<Instant> times(ConfigurableApplicationContext context, String taskId, String eventType) {
        return context.getBean(JdbcClient.class).sql("""
                        SELECT time_stamp FROM domain_event_entry
                        WHERE aggregate_identifier = ? AND payload_type LIKE ?
                        ORDER BY global_index""")
                .param(taskId).param("%" + eventType)
                .query((row, n) -> Instant.parse(row.getString("time_stamp"))).list();
    }

    private static ConfigurableApplicationContext start(PostgresDatabase database) {
        return new SpringApplicationBuilder(SampleApplication.class)
                .profiles("platform-sample")
                .properties(database.properties())
                .properties("opsledger.kafka.enabled=false",
                        "jobrunr.background-job-server.poll-interval-in-seconds=" + POLL_INTERVAL.toSeconds())
                .run();
    }
}
