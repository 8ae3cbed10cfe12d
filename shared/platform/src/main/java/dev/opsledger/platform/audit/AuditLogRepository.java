package dev.opsledger.platform.audit;

import dev.opsledger.contracts.audit.AuditEntry;
import dev.opsledger.platform.core.paging.Cursor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.opsledger.contracts.audit.AuditQuery;
import dev.opsledger.platform.axon.AxonSchema;

/** The {@code audit_log} table. Plain SQL: the table is a read model, not an entity. */
public class AuditLogRepository {

    private static final int VERIFY_BATCH = 1_000;

    private static final RowMapper<AuditEntry> ROW = AuditLogRepository::map;

    private final JdbcClient jdbc;

    public AuditLogRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean exists(long globalIndex) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE global_index = ?")
                .param(globalIndex).query(Long.class).single() > 0;
    }

    /** Hash of the entry right before {@code globalIndex} in chain order, if any. */
    public Optional<String> hashBefore(long globalIndex) {
        return jdbc.sql("SELECT hash FROM audit_log WHERE global_index < ? ORDER BY global_index DESC LIMIT 1")
                .param(globalIndex).query(String.class).optional();
    }

    /** Inserts once: a replayed event finds its row and changes nothing. */
    public void insert(AuditEntry entry) {
        jdbc.sql("""
                INSERT INTO audit_log (global_index, event_id, event_time, actor_id, actor_name, aggregate_type,
                    aggregate_id, aggregate_sequence, event_type, payload_summary, correlation_id, causation_id,
                    previous_hash, hash)
                VALUES (:globalIndex, :eventId, :eventTime, :actorId, :actorName, :aggregateType,
                    :aggregateId, :aggregateSequence, :eventType, :payloadSummary, :correlationId, :causationId,
                    :previousHash, :hash)
                ON CONFLICT (global_index) DO NOTHING
                """)
                .param("globalIndex", entry.globalIndex())
                .param("eventId", entry.eventId())
                .param("eventTime", utc(entry.time()))
                .param("actorId", entry.actorId())
                .param("actorName", entry.actorName())
                .param("aggregateType", entry.aggregateType())
                .param("aggregateId", entry.aggregateId())
                .param("aggregateSequence", entry.aggregateSequence())
                .param("eventType", entry.type())
                .param("payloadSummary", entry.summary())
                .param("correlationId", entry.correlationId())
                .param("causationId", entry.causationId())
                .param("previousHash", entry.previousHash())
                .param("hash", entry.hash())
                .update();
    }

    /** Up to {@code limit} entries matching the query, after the cursor, by time then global index. */
    public List<AuditEntry> find(AuditQuery query, Cursor after, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        String filters = filters(query, after, params);
        params.put("limit", limit);
        if (query.actor() == null) {
            return jdbc.sql("SELECT * FROM audit_log WHERE TRUE" + filters + ORDER_AND_LIMIT)
                    .params(params).query(ROW).list();
        }
        // "actor_id = :actor OR actor_name = :actor" can't be read in page order from one index: the planner
        // merges both actors' whole histories in bitmaps and sorts them. Each branch here reads its own
        // (actor, event_time, global_index) index in page order; the second leaves out rows the first already
        // has, so UNION ALL needs no de-duplication and PostgreSQL merges the two ordered scans (Merge Append)
        // and stops after one page: no sort, no hash of every column (benchmarks/README.md, P4).
        params.put("actor", query.actor());
        return jdbc.sql("SELECT * FROM ("
                        + "(SELECT * FROM audit_log WHERE actor_id = :actor" + filters + ORDER_AND_LIMIT + ")"
                        + " UNION ALL "
                        + "(SELECT * FROM audit_log WHERE actor_name = :actor AND actor_id IS DISTINCT FROM :actor"
                        + filters + ORDER_AND_LIMIT + ")"
                        + ") AS by_actor" + ORDER_AND_LIMIT)
                .params(params).query(ROW).list();
    }

    private static final String ORDER_AND_LIMIT = " ORDER BY event_time, global_index LIMIT :limit";

    /** Every condition but the actor, as {@code AND …} clauses. */
    private static String filters(AuditQuery query, Cursor after, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder();
        if (query.from() != null) {
            sql.append(" AND event_time >= :from");
            params.put("from", utc(query.from()));
        }
        if (query.to() != null) {
            sql.append(" AND event_time < :to");
            params.put("to", utc(query.to()));
        }
        if (query.aggregateId() != null) {
            sql.append(" AND aggregate_id = :aggregateId");
            params.put("aggregateId", query.aggregateId());
        }
        if (query.aggregateType() != null) {
            sql.append(" AND aggregate_type = :aggregateType");
            params.put("aggregateType", query.aggregateType());
        }
        if (query.type() != null) {
            sql.append(" AND event_type = :type");
            params.put("type", query.type());
        }
        if (query.correlationId() != null) {
            sql.append(" AND correlation_id = :correlationId");
            params.put("correlationId", query.correlationId());
        }
        if (after != null) {
            sql.append(" AND (event_time, global_index) > (:afterTime, :afterIndex)");
            params.put("afterTime", utc(after.instant(0)));
            params.put("afterIndex", after.number(1));
        }
        return sql.toString();
    }

    /**
     * Walks the whole chain in global order, in batches so a long history does not sit in memory,
     * until {@code visitor} returns false.
     */
    public void walkInChainOrder(Predicate<AuditEntry> visitor) {
        walkInChainOrder(Long.MIN_VALUE, visitor);
    }

    public Optional<AuditEntry> entryAt(long globalIndex) {
        return jdbc.sql("SELECT * FROM audit_log WHERE global_index = ?").param(globalIndex).query(ROW).optional();
    }

    /** How many entries the chain holds up to and including {@code globalIndex}. */
    public long countUpTo(long globalIndex) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE global_index <= ?").param(globalIndex)
                .query(Long.class).single();
    }

    /**
     * The first entry after {@code after} that no event of the service's store stands behind (same
     * global index and event id): a row the projection never wrote.
     */
    public Optional<Long> firstEntryWithoutEvent(long after) {
        return jdbc.sql("SELECT MIN(a.global_index) FROM audit_log a WHERE a.global_index > ? AND NOT EXISTS ("
                        + "SELECT 1 FROM " + AxonSchema.DOMAIN_EVENT_TABLE + " e"
                        + " WHERE e.global_index = a.global_index AND e.event_identifier = a.event_id)")
                .param(after).query(Long.class).optional();
    }

    /**
     * The first stored event in {@code (after, upTo]} without its entry: where the chain names a
     * gap, this says which entry the gap begins with.
     */
    public Optional<Long> firstEventWithoutEntry(long after, long upTo) {
        return jdbc.sql("SELECT MIN(e.global_index) FROM " + AxonSchema.DOMAIN_EVENT_TABLE + " e"
                        + " WHERE e.global_index > ? AND e.global_index <= ?"
                        + " AND NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.global_index = e.global_index)")
                .param(after).param(upTo).query(Long.class).optional();
    }

    /** {@link #walkInChainOrder(Predicate)} from the first entry after {@code after}. */
    public void walkInChainOrder(long after, Predicate<AuditEntry> visitor) {
        while (true) {
            List<AuditEntry> batch = new ArrayList<>(jdbc.sql(
                            "SELECT * FROM audit_log WHERE global_index > ? ORDER BY global_index LIMIT ?")
                    .param(after).param(VERIFY_BATCH).query(ROW).list());
            for (AuditEntry entry : batch) {
                if (!visitor.test(entry)) {
                    return;
                }
                after = entry.globalIndex();
            }
            if (batch.size() < VERIFY_BATCH) {
                return;
            }
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static AuditEntry map(ResultSet rs, int row) throws SQLException {
        long sequence = rs.getLong("aggregate_sequence");
        Long aggregateSequence = rs.wasNull() ? null : sequence;
        // The service is the one answering: its name is added where the entry leaves it.
        return new AuditEntry(null,
                rs.getLong("global_index"),
                rs.getString("event_id"),
                rs.getObject("event_time", OffsetDateTime.class).toInstant(),
                rs.getString("actor_id"),
                rs.getString("actor_name"),
                rs.getString("aggregate_type"),
                rs.getString("aggregate_id"),
                aggregateSequence,
                rs.getString("event_type"),
                rs.getString("payload_summary"),
                rs.getString("correlation_id"),
                rs.getString("causation_id"),
                rs.getString("previous_hash"),
                rs.getString("hash"));
    }
}
