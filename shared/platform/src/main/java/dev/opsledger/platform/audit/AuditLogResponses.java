package dev.opsledger.platform.audit;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What {@code GET /audit} and {@code GET /audit/verify} answer; the page itself is a public contract. */
public final class AuditLogResponses {

    private AuditLogResponses() {
    }

    /** The public entry ({@code shared/contracts}) for a stored entry of this service. */
    static dev.opsledger.contracts.audit.AuditEntry toPublic(String service, AuditEntry entry) {
        return new dev.opsledger.contracts.audit.AuditEntry(service, entry.globalIndex(), entry.eventId(),
                entry.eventTime(), entry.actorId(), entry.actorName(), entry.aggregateType(), entry.aggregateId(),
                entry.aggregateSequence(), entry.eventType(), entry.payloadSummary(), entry.correlationId(),
                entry.causationId(), entry.previousHash(), entry.hash());
    }

    /**
     * Result of recomputing the chain. Valid: {@code {valid, entries}}. Broken: also the first
     * entry that does not verify and why; {@code entries} then counts the entries checked up to it.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ChainVerification(boolean valid, long entries, Long firstBrokenGlobalIndex, String reason) {

        static ChainVerification intact(long entries) {
            return new ChainVerification(true, entries, null, null);
        }

        static ChainVerification broken(long entries, long globalIndex, String reason) {
            return new ChainVerification(false, entries, globalIndex, reason);
        }
    }
}
