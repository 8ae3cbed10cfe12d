package dev.opsledger.contracts.audit;

import java.time.Instant;

/**
 * One entry of a service's audit log, as its {@code GET /audit} answers and the gateway's
 * {@code GET /api/audit} passes on. Both sides use this record, so the field names cannot drift.
 *
 * @param service           the service the entry comes from
 * @param globalIndex       position in the service's event store, the order within the service
 * @param eventId           the Axon event id (also the CloudEvent id if the event was published)
 * @param type              the event's type, e.g. {@code PromotionApproved}
 * @param aggregateSequence the event's sequence number in its aggregate, when it has one
 * @param previousHash      hash of the previous entry of the service's chain
 * @param hash              SHA-256 over this entry's fields and {@code previousHash}
 */
public record AuditEntry(
        String service,
        long globalIndex,
        String eventId,
        Instant time,
        String actorId,
        String actorName,
        String aggregateType,
        String aggregateId,
        Long aggregateSequence,
        String type,
        String summary,
        String correlationId,
        String causationId,
        String previousHash,
        String hash) {

    /** The same entry attributed to {@code name}: the gateway names services by its own routes. */
    public AuditEntry withService(String name) {
        return name.equals(service) ? this : new AuditEntry(name, globalIndex, eventId, time, actorId, actorName,
                aggregateType, aggregateId, aggregateSequence, type, summary, correlationId, causationId,
                previousHash, hash);
    }
}
