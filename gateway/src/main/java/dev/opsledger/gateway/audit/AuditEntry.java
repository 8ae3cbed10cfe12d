package dev.opsledger.gateway.audit;

import java.time.Instant;

/** One audit-log entry as every service's {@code GET /audit} answers it. */
public record AuditEntry(
        String service,
        long globalIndex,
        Instant time,
        String actorId,
        String actorName,
        String aggregateType,
        String aggregateId,
        String eventType,
        String summary,
        String correlationId,
        String causationId,
        String previousHash,
        String hash) {

    AuditEntry withService(String name) {
        return name.equals(service) ? this : new AuditEntry(name, globalIndex, time, actorId, actorName,
                aggregateType, aggregateId, eventType, summary, correlationId, causationId, previousHash, hash);
    }
}
