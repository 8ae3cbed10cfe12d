package dev.opsledger.platform.audit;

import java.time.Instant;

/**
 * Filters of {@code GET /audit}; null means "any". {@code actor} matches the actor's id or name;
 * {@code from} is inclusive, {@code to} exclusive.
 */
public record AuditQuery(
        String actor,
        Instant from,
        Instant to,
        String aggregateId,
        String aggregateType,
        String type,
        String correlationId) {
}
