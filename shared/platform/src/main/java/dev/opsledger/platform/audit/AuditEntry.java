package dev.opsledger.platform.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One row of the audit trail. {@link #eventTime} is kept at microsecond precision because that is
 * what PostgreSQL's {@code timestamptz} stores: hashing nanoseconds would make every entry fail
 * verification once read back.
 */
public record AuditEntry(
        long globalIndex,
        String eventId,
        Instant eventTime,
        String actorId,
        String actorName,
        String aggregateType,
        String aggregateId,
        Long aggregateSequence,
        String eventType,
        String payloadSummary,
        String correlationId,
        String causationId,
        String previousHash,
        String hash) {

    public AuditEntry {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventTime, "eventTime");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(payloadSummary, "payloadSummary");
        eventTime = eventTime.truncatedTo(ChronoUnit.MICROS);
    }

    /** This entry chained after {@code previousHash}, with its own hash computed. */
    public AuditEntry chainedAfter(String previousHash) {
        AuditEntry linked = new AuditEntry(globalIndex, eventId, eventTime, actorId, actorName, aggregateType,
                aggregateId, aggregateSequence, eventType, payloadSummary, correlationId, causationId, previousHash,
                null);
        return new AuditEntry(globalIndex, eventId, eventTime, actorId, actorName, aggregateType, aggregateId,
                aggregateSequence, eventType, payloadSummary, correlationId, causationId, previousHash,
                AuditHashChain.hash(linked));
    }
}
