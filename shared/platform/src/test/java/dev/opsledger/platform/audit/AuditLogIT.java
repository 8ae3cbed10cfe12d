package dev.opsledger.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import dev.opsledger.platform.metadata.MetadataKeys;
import dev.opsledger.platform.sample.SampleApplication;
import dev.opsledger.platform.sample.SampleMessages.OpenSampleTask;
import dev.opsledger.platform.sample.SampleMessages.RecordSampleWork;
import dev.opsledger.testkit.LocalJwtIssuer;
import dev.opsledger.testkit.WithLocalJwtIssuer;
import dev.opsledger.testkit.WithPostgres;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit trail on real PostgreSQL with the platform's Axon setup: the sample service's events
 * land in {@code audit_log} chained by hash, are queryable and pageable by auditors, survive a
 * replay unchanged, and a row edited in SQL is named by {@code /audit/verify}.
 */
@SpringBootTest(classes = SampleApplication.class, properties = {
        "opsledger.kafka.enabled=false",
        "spring.main.web-application-type=servlet",
        "opsledger.observability.structured-logs=false"})
@ActiveProfiles("platform-sample")
@AutoConfigureMockMvc
@DirtiesContext
@WithPostgres
@WithLocalJwtIssuer
class AuditLogIT {

    private static final Duration ASYNC = Duration.ofSeconds(30);

    @Autowired
    MockMvc mvc;
    @Autowired
    CommandGateway commandGateway;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventProcessingConfiguration eventProcessing;
    @Autowired
    TokenStore tokenStore;

    private final LocalJwtIssuer issuer = LocalJwtIssuer.shared();
    private final JsonMapper json = JsonMapper.shared();

    @Test
    void givenCommandsByAnActor_whenEventsAreProjected_thenEntriesCarryActorAggregateTypeSummaryAndChain()
            throws Exception {
        String taskId = newTaskWithWork("u-alice", "alice", "corr-" + UUID.randomUUID(), 3, 4);

        JsonNode page = auditAs("audit1", Set.of("auditor"), "/audit?aggregateId=" + taskId);

        JsonNode entries = page.get("entries");
        assertThat(entries.size()).isEqualTo(4);
        JsonNode opened = entries.get(0);
        assertThat(opened.get("service").asString()).isEqualTo("automation");
        assertThat(opened.get("type").asString()).isEqualTo("SampleTaskOpened");
        assertThat(opened.get("actorId").asString()).isEqualTo("u-alice");
        assertThat(opened.get("actorName").asString()).isEqualTo("alice");
        assertThat(opened.get("aggregateType").asString()).isEqualTo("SampleTask");
        assertThat(opened.get("aggregateId").asString()).isEqualTo(taskId);
        assertThat(opened.get("aggregateSequence").asLong()).isZero();
        assertThat(opened.get("summary").asString()).contains("\"taskId\":\"" + taskId + "\"");
        assertThat(opened.get("correlationId").asString()).startsWith("corr-");
        assertThat(opened.get("hash").asString()).matches("[0-9a-f]{64}");
        assertThat(entries.get(1).get("type").asString()).isEqualTo("SampleTaskAcknowledged");
        assertThat(entries.get(2).get("type").asString()).isEqualTo("SampleWorkRecorded");
        assertThat(entries.get(3).get("summary").asString()).contains("\"amount\":4");
        assertThat(page.get("nextCursor").isNull()).isTrue();
        // This task's events are consecutive in the store, so each entry chains to the one before.
        assertThat(entries.get(1).get("previousHash").asString()).isEqualTo(opened.get("hash").asString());
        assertThat(entries.get(2).get("previousHash").asString()).isEqualTo(entries.get(1).get("hash").asString());
        assertThat(entries.get(3).get("previousHash").asString()).isEqualTo(entries.get(2).get("hash").asString());
    }

    @Test
    void givenFilters_whenQueried_thenOnlyMatchingEntries() throws Exception {
        String correlation = "corr-" + UUID.randomUUID();
        String taskId = newTaskWithWork("u-bob", "bob", correlation, 5);
        newTaskWithWork("u-carol", "carol", "corr-" + UUID.randomUUID(), 1);

        JsonNode byActor = auditAs("admin1", Set.of("admin"), "/audit?actor=bob&type=SampleWorkRecorded");
        assertThat(byActor.get("entries").size()).isEqualTo(1);
        assertThat(byActor.get("entries").get(0).get("aggregateId").asString()).isEqualTo(taskId);

        JsonNode byCorrelation = auditAs("audit1", Set.of("auditor"), "/audit?correlationId=" + correlation);
        List<String> types = new ArrayList<>();
        byCorrelation.get("entries").forEach(entry -> {
            assertThat(entry.get("correlationId").asString()).isEqualTo(correlation);
            types.add(entry.get("type").asString());
        });
        assertThat(types).contains("SampleTaskOpened", "SampleWorkRecorded").doesNotHaveDuplicates();

        JsonNode byTypeAndAggregate = auditAs("audit1", Set.of("auditor"),
                "/audit?aggregateType=SampleTask&type=SampleTaskOpened&aggregateId=" + taskId);
        assertThat(byTypeAndAggregate.get("entries").size()).isEqualTo(1);

        JsonNode future = auditAs("audit1", Set.of("auditor"), "/audit?aggregateId=" + taskId
                + "&from=2999-01-01T00:00:00Z");
        assertThat(future.get("entries").size()).isZero();
    }

    @Test
    void givenAnActorMatchedByIdByNameAndByBoth_whenQueriedByActor_thenEachEntryOnceInPageOrder() throws Exception {
        // One actor is both the id and the name on one task, only the name on the other: the query reads the
        // id index and the name index apart, and a row found by both must still come back once. The name is
        // new per run: the shared test database keeps earlier runs' trails.
        String erin = "erin-" + UUID.randomUUID();
        String both = newTaskWithWork(erin, erin, "corr-" + UUID.randomUUID(), 1);
        String byName = newTaskWithWork("u-" + erin, erin, "corr-" + UUID.randomUUID(), 2);

        JsonNode entries = auditAs("audit1", Set.of("auditor"), "/audit?actor=" + erin).get("entries");

        List<String> aggregates = new ArrayList<>();
        List<Long> indexes = new ArrayList<>();
        entries.forEach(entry -> {
            aggregates.add(entry.get("aggregateId").asString());
            indexes.add(entry.get("globalIndex").asLong());
        });
        // Opened and WorkRecorded per task; the saga's acknowledgement is the service's, not erin's.
        assertThat(aggregates).containsExactly(both, both, byName, byName);
        assertThat(indexes).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void givenMoreEntriesThanTheLimit_whenPagedWithTheCursor_thenEveryEntryOnceInTimeOrder() throws Exception {
        String taskId = newTaskWithWork("u-dave", "dave", "corr-" + UUID.randomUUID(), 1, 1, 1, 1);

        List<Long> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = auditAs("audit1", Set.of("auditor"), "/audit?limit=2&aggregateId=" + taskId
                    + (cursor == null ? "" : "&cursor=" + cursor));
            page.get("entries").forEach(entry -> seen.add(entry.get("globalIndex").asLong()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
            pages++;
        } while (cursor != null);

        assertThat(seen).hasSize(6).doesNotHaveDuplicates().isSorted();
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void givenDeveloperWithoutAuditRole_whenAuditRead_then403ProblemDetail() throws Exception {
        mvc.perform(get("/audit").header(HttpHeaders.AUTHORIZATION, issuer.bearer("dev1", Set.of("developer"))))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("forbidden"));
        mvc.perform(get("/audit/verify").header(HttpHeaders.AUTHORIZATION, issuer.bearer("dev1", Set.of("developer"))))
                .andExpect(status().isForbidden());
    }

    @Test
    void givenLimitAboveTheMaximumOrForeignCursor_whenQueried_then400ValidationProblem() throws Exception {
        String bearer = issuer.bearer("audit1", Set.of("auditor"));
        mvc.perform(get("/audit?limit=501").header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("validation.failed"))
                .andExpect(jsonPath("$.errors[0].field").value("limit"));
        mvc.perform(get("/audit?cursor=garbage!").header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("cursor"));
    }

    @Test
    void givenProjectedTrail_whenAuditLogGroupIsReplayedFromTheStart_thenExistingRowsStayAndAMissingOneIsRewrittenIdentically()
            throws Exception {
        newTaskWithWork("u-erin", "erin", "corr-" + UUID.randomUUID(), 2);
        List<Map<String, Object>> before = allRows();
        // Drop the newest entry: only a replay from the start can bring it back, and it must come
        // back with the same hash, chained to the same predecessor.
        jdbc.sql("DELETE FROM audit_log WHERE global_index = (SELECT MAX(global_index) FROM audit_log)").update();

        TrackingEventProcessor processor = eventProcessing
                .eventProcessor(AuditLogProjection.PROCESSING_GROUP, TrackingEventProcessor.class).orElseThrow();
        assertThat(tokenStore.fetchSegments(AuditLogProjection.PROCESSING_GROUP)).containsExactly(0);
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        await().atMost(ASYNC).until(() -> allRows().size() == before.size());

        assertThat(allRows()).isEqualTo(before);
        assertVerifies(before.size());
    }

    @Test
    void givenIntactTrail_whenARowIsChangedInSql_thenVerifyNamesThatRow() throws Exception {
        String taskId = newTaskWithWork("u-frank", "frank", "corr-" + UUID.randomUUID(), 1, 2);
        long total = jdbc.sql("SELECT COUNT(*) FROM audit_log").query(Long.class).single();
        assertVerifies(total);
        long tampered = jdbc.sql("SELECT global_index FROM audit_log WHERE aggregate_id = ? ORDER BY global_index"
                        + " OFFSET 1 LIMIT 1").param(taskId).query(Long.class).single();
        String actorName = jdbc.sql("SELECT actor_name FROM audit_log WHERE global_index = ?").param(tampered)
                .query(String.class).single();

        jdbc.sql("UPDATE audit_log SET actor_name = 'mallory' WHERE global_index = ?").param(tampered).update();
        try {
            mvc.perform(get("/audit/verify").header(HttpHeaders.AUTHORIZATION, issuer.bearer("audit1", Set.of("auditor"))))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.valid").value(false))
                    .andExpect(jsonPath("$.firstBrokenGlobalIndex").value(tampered))
                    .andExpect(jsonPath("$.tampering").value("CHANGED"))
                    .andExpect(jsonPath("$.reason").value("hash does not match the entry's content"));
        } finally {
            // Other tests of this class share the database and expect an intact chain.
            jdbc.sql("UPDATE audit_log SET actor_name = ? WHERE global_index = ?").params(actorName, tampered).update();
        }
        assertVerifies(total);
    }

    @Test
    void givenARowDeletedInSql_whenVerified_thenTheDeletedEntryIsNamedMissing() throws Exception {
        String taskId = newTaskWithWork("u-gina", "gina", "corr-" + UUID.randomUUID(), 1, 2);
        List<Long> indexes = jdbc.sql("SELECT global_index FROM audit_log WHERE aggregate_id = ? ORDER BY global_index")
                .param(taskId).query(Long.class).list();
        Map<String, Object> removed = jdbc.sql("SELECT * FROM audit_log WHERE global_index = ?")
                .param(indexes.get(1)).query().singleRow();

        jdbc.sql("DELETE FROM audit_log WHERE global_index = ?").param(indexes.get(1)).update();
        try {
            mvc.perform(get("/audit/verify").header(HttpHeaders.AUTHORIZATION, issuer.bearer("admin1", Set.of("admin"))))
                    .andExpect(jsonPath("$.valid").value(false))
                    .andExpect(jsonPath("$.firstBrokenGlobalIndex").value(indexes.get(1)))
                    .andExpect(jsonPath("$.tampering").value("MISSING"))
                    .andExpect(jsonPath("$.reason").value(AuditChainVerifier.GAP));
        } finally {
            jdbc.sql("""
                    INSERT INTO audit_log (global_index, event_id, event_time, actor_id, actor_name, aggregate_type,
                        aggregate_id, aggregate_sequence, event_type, payload_summary, correlation_id, causation_id,
                        previous_hash, hash)
                    VALUES (:global_index, :event_id, :event_time, :actor_id, :actor_name, :aggregate_type,
                        :aggregate_id, :aggregate_sequence, :event_type, :payload_summary, :correlation_id,
                        :causation_id, :previous_hash, :hash)
                    """).params(removed).update();
        }
    }

    @Test
    void givenActuator_whenHealthAndPrometheusCalledWithoutToken_thenOpenButOtherEndpointsAreNot() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isOk());
        mvc.perform(get("/actuator/env")).andExpect(status().isUnauthorized());
    }

    private void assertVerifies(long expectedEntries) throws Exception {
        mvc.perform(get("/audit/verify").header(HttpHeaders.AUTHORIZATION, issuer.bearer("audit1", Set.of("auditor"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.entries").value(expectedEntries))
                .andExpect(jsonPath("$.firstBrokenGlobalIndex").doesNotExist());
    }

    /**
     * Opens a task as the given actor, waits for the sample saga's acknowledgement (so the order
     * of the trail is known), records work, and waits until the trail holds all of it:
     * Opened, Acknowledged, then one WorkRecorded per amount.
     */
    private String newTaskWithWork(String actorId, String actorName, String correlationId, int... amounts) {
        String taskId = "task-" + UUID.randomUUID();
        Map<String, Object> metaData = Map.of(MetadataKeys.ACTOR_ID, actorId, MetadataKeys.ACTOR_NAME, actorName,
                MetadataKeys.CORRELATION_ID, correlationId);
        commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(new OpenSampleTask(taskId, 100))
                .andMetaData(metaData));
        awaitTrailEntries(taskId, 2);
        for (int amount : amounts) {
            commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(new RecordSampleWork(taskId, amount))
                    .andMetaData(metaData));
        }
        awaitTrailEntries(taskId, 2 + amounts.length);
        return taskId;
    }

    private void awaitTrailEntries(String taskId, int count) {
        await().atMost(ASYNC).until(() -> jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE aggregate_id = ?")
                .param(taskId).query(Long.class).single() == count);
    }

    private JsonNode auditAs(String user, Set<String> roles, String uri) throws Exception {
        String body = mvc.perform(get(uri).header(HttpHeaders.AUTHORIZATION, issuer.bearer(user, roles)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return json.readTree(body);
    }

    private List<Map<String, Object>> allRows() {
        return jdbc.sql("SELECT * FROM audit_log ORDER BY global_index").query().listOfRows();
    }
}
