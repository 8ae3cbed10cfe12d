package dev.opsledger.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.opsledger.platform.sample.SampleApplication;
import dev.opsledger.platform.sample.SampleMessages.OpenSampleTask;
import dev.opsledger.platform.sample.SampleMessages.RecordSampleWork;
import dev.opsledger.platform.sample.SampleWorkTotals;
import dev.opsledger.testkit.AuditSigningKeys;
import dev.opsledger.testkit.KafkaBroker;
import dev.opsledger.testkit.PostgresDatabase;
import dev.opsledger.testkit.WithKafka;
import dev.opsledger.testkit.WithPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two instances of the sample service share its split read model ({@link SampleWorkTotals}, two
 * segments in the profile {@code platform-sample}), as ADR 075 describes: the first instance alone
 * holds both segments; once a second one heartbeats, the first releases one and the second claims
 * it, so each owns a segment in {@code token_entry}; every event is projected exactly once (one row
 * per event id, each task's counter equal to its events); when the second stops, the first owns
 * both segments again and keeps projecting; and when a claim is left behind by an instance that
 * vanished (a claim and a stale heartbeat, as a crash leaves them), the first takes that segment
 * over once the claim times out. Owners and counts are read from the database, never assumed;
 * nothing is timed, every wait is generous.
 */
@WithPostgres
@WithKafka
class SplitProcessorsIT {

    private static final String PROCESSOR = SampleWorkTotals.PROCESSING_GROUP;
    private static final Duration ASYNC = Duration.ofSeconds(120);
    private static final int WORK_PER_TASK = 3;

    @Test
    void givenTwoInstances_whenTheSplitReadModelRuns_thenEachOwnsASegmentAndEveryEventIsProjectedOnce(
            PostgresDatabase database, KafkaBroker kafka) {
        try (ConfigurableApplicationContext first = start(database, kafka)) {
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            String firstOwner = first.getBean(TokenOwner.class).value();
            await().atMost(ASYNC).until(() -> owners(jdbc).equals(Map.of(0, firstOwner, 1, firstOwner)));
            List<String> tasks = new ArrayList<>(recordWork(first, 10));
            System.out.printf("SplitProcessorsIT: alone, the first instance owns %s%n", owners(jdbc));

            String secondOwner;
            Instant secondStarted = Instant.now();
            try (ConfigurableApplicationContext second = start(database, kafka)) {
                secondOwner = second.getBean(TokenOwner.class).value();
                await().atMost(ASYNC).until(() -> Set.copyOf(owners(jdbc).values()).equals(Set.of(firstOwner, secondOwner)));
                System.out.printf("SplitProcessorsIT: %s after the second instance started, the owners are %s%n",
                        Duration.between(secondStarted, Instant.now()), owners(jdbc));

                List<String> shared = new ArrayList<>();
                shared.addAll(recordWork(first, 10));
                shared.addAll(recordWork(second, 10));
                tasks.addAll(shared);
                awaitProjectedOnce(jdbc, tasks);
                assertThat(Set.copyOf(owners(jdbc).values())).as("each instance still owns a segment")
                        .isEqualTo(Set.of(firstOwner, secondOwner));
                assertThat(projectedBy(jdbc, shared)).as("instances that projected the shared tasks' events")
                        .containsOnlyKeys(firstOwner, secondOwner);
                System.out.printf("SplitProcessorsIT: with two instances, %d events of %d tasks projected by %s%n",
                        shared.size() * WORK_PER_TASK, shared.size(), projectedBy(jdbc, shared));
            }

            Instant secondStopped = Instant.now();
            await().atMost(ASYNC).until(() -> owners(jdbc).equals(Map.of(0, firstOwner, 1, firstOwner)));
            System.out.printf("SplitProcessorsIT: %s after the second instance stopped, the first owns %s%n",
                    Duration.between(secondStopped, Instant.now()), owners(jdbc));
            List<String> afterStop = recordWork(first, 10);
            tasks.addAll(afterStop);
            awaitProjectedOnce(jdbc, tasks);
            assertThat(projectedBy(jdbc, afterStop)).containsOnlyKeys(firstOwner);

            // A crash leaves its claim (here on segment 1, taken a moment ago) and a heartbeat that goes stale.
            String vanished = "vanished-instance/" + UUID.randomUUID().toString().substring(0, 8);
            jdbc.sql("INSERT INTO processor_instance (instance_id, started_at, heartbeat_at) "
                            + "VALUES (?, now() - interval '10 minutes', now() - interval '1 minute')")
                    .param(vanished).update();
            int claimed = jdbc.sql("UPDATE token_entry SET owner = ?, timestamp = ? WHERE processor_name = ? AND segment = 1")
                    .params(vanished, DateTimeUtils.formatInstant(Instant.now()), PROCESSOR).update();
            assertThat(claimed).isEqualTo(1);
            Instant vanishedAt = Instant.now();
            List<String> afterCrash = recordWork(first, 10);
            tasks.addAll(afterCrash);
            await().atMost(ASYNC).until(() -> owners(jdbc).equals(Map.of(0, firstOwner, 1, firstOwner)));
            System.out.printf("SplitProcessorsIT: %s after a vanished instance's claim, the first owns %s%n",
                    Duration.between(vanishedAt, Instant.now()), owners(jdbc));
            awaitProjectedOnce(jdbc, tasks);
            assertThat(projectedBy(jdbc, afterCrash)).containsOnlyKeys(firstOwner);
            assertThat(jdbc.sql("SELECT count(*) FROM sample_work_projected").query(Long.class).single())
                    .as("rows, one per event").isEqualTo((long) tasks.size() * WORK_PER_TASK);
        }
    }

    @Test
    void givenAGroupThatNeedsOneSequenceSplit_whenTheServiceStarts_thenItRefusesAndSaysWhy(
            PostgresDatabase database, KafkaBroker kafka) {
        assertThat(startFailure(database, kafka, "opsledger.axon.segments.audit-log=2")).isNotNull()
                .hasStackTraceContaining("opsledger.axon.segments.audit-log=2 is refused: the audit log chains");
        assertThat(startFailure(database, kafka, "opsledger.axon.segments.integration-publisher=2")).isNotNull()
                .hasStackTraceContaining("opsledger.axon.segments.integration-publisher=2 is refused");
        assertThat(startFailure(database, kafka, "opsledger.axon.segments[SampleTaskSagaProcessor]=2")).isNotNull()
                .hasStackTraceContaining("opsledger.axon.segments.SampleTaskSagaProcessor=2 is refused: it is a saga's");
        assertThat(startFailure(database, kafka, "opsledger.axon.segments.sample-work-total=2")).isNotNull()
                .hasStackTraceContaining("opsledger.axon.segments.sample-work-total=2 is refused: this service has no "
                        + "event processor of that name");
    }

    @Test
    void givenASplitProcessorWhoseSettingWasLowered_whenTheServiceStarts_thenItRefusesToLeaveSegmentsUnprocessed(
            PostgresDatabase database, KafkaBroker kafka) {
        try (ConfigurableApplicationContext split = start(database, kafka)) {
            JdbcClient jdbc = split.getBean(JdbcClient.class);
            await().atMost(ASYNC).until(() -> jdbc.sql("SELECT count(*) FROM token_entry WHERE processor_name = ?")
                    .param(PROCESSOR).query(Long.class).single() == 2);
        }

        assertThat(startFailure(database, kafka, "opsledger.axon.segments." + PROCESSOR + "=1")).isNotNull()
                .hasStackTraceContaining("Processor " + PROCESSOR + " has 2 segments in the token store but 1 thread(s)");
    }

    /** Opens {@code count} tasks through {@code instance} and records {@value #WORK_PER_TASK} pieces of work on each. */
    private static List<String> recordWork(ConfigurableApplicationContext instance, int count) {
        CommandGateway commands = instance.getBean(CommandGateway.class);
        EventStore events = instance.getBean(EventStore.class);
        List<String> tasks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String taskId = "split-" + UUID.randomUUID();
            commands.sendAndWait(new OpenSampleTask(taskId, 100));
            // The sample's saga acknowledges the task on whichever instance holds its processor; the work
            // waits for it, or the two would race for the same sequence number.
            await().atMost(ASYNC).until(() -> events.readEvents(taskId).asStream().count() >= 2);
            for (int work = 0; work < WORK_PER_TASK; work++) {
                commands.sendAndWait(new RecordSampleWork(taskId, 1));
            }
            tasks.add(taskId);
        }
        return tasks;
    }

    /** Every task's counter equals its events and each event has exactly one row, after the processors caught up. */
    private static void awaitProjectedOnce(JdbcClient jdbc, List<String> tasks) {
        await().atMost(ASYNC).until(() -> jdbc.sql("SELECT count(*) FROM sample_work_total WHERE recorded >= ?")
                .param(WORK_PER_TASK).query(Long.class).single() >= tasks.size());
        Map<String, Integer> recorded = new TreeMap<>();
        jdbc.sql("SELECT task_id, recorded, total FROM sample_work_total").query((row, n) -> {
            recorded.put(row.getString(1), row.getInt(2));
            assertThat(row.getInt(3)).as("total of " + row.getString(1)).isEqualTo(row.getInt(2));
            return null;
        }).list();
        for (String task : tasks) {
            assertThat(recorded.get(task)).as("events projected for " + task).isEqualTo(WORK_PER_TASK);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM (SELECT event_id FROM sample_work_projected GROUP BY event_id "
                + "HAVING count(*) > 1) twice").query(Long.class).single()).as("events projected twice").isZero();
    }

    /** Segment → owner of the split processor's tokens (a released segment has none and is left out). */
    private static Map<Integer, String> owners(JdbcClient jdbc) {
        Map<Integer, String> owners = new TreeMap<>();
        jdbc.sql("SELECT segment, owner FROM token_entry WHERE processor_name = ? AND owner IS NOT NULL")
                .param(PROCESSOR).query((row, n) -> owners.put(row.getInt(1), row.getString(2))).list();
        return owners;
    }

    /** Instance → events it projected, of the given tasks. */
    private static Map<String, Long> projectedBy(JdbcClient jdbc, List<String> tasks) {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.sql("SELECT projected_by, count(*) FROM sample_work_projected WHERE task_id = ANY (?) GROUP BY projected_by")
                .param(tasks.toArray(String[]::new))
                .query((row, n) -> counts.put(row.getString(1), row.getLong(2))).list();
        return counts;
    }

    /** Why the service refused to start with {@code override}; null (and the context closed) if it started. */
    private static Throwable startFailure(PostgresDatabase database, KafkaBroker kafka, String override) {
        try (ConfigurableApplicationContext unexpected = start(database, kafka, override)) {
            return null;
        } catch (RuntimeException refused) {
            return refused;
        }
    }

    /** Overrides are passed as command-line arguments, so they win over the profile's settings. */
    private static ConfigurableApplicationContext start(PostgresDatabase database, KafkaBroker kafka,
                                                        String... overrides) {
        return new SpringApplicationBuilder(SampleApplication.class)
                .profiles("platform-sample")
                .properties(database.properties())
                .properties(kafka.properties())
                .properties(AuditSigningKeys.properties())
                .run(Arrays.stream(overrides).map(override -> "--" + override).toArray(String[]::new));
    }
}
