package dev.opsledger.platform.audit;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What {@code GET /audit} and {@code GET /audit/verify} answer. */
public final class AuditLogResponses {

    private AuditLogResponses() {
    }

    /** A page of the trail; {@code nextCursor} is null on the last page. */
    public record AuditPage(List<AuditEntryView> entries, String nextCursor) {
    }

    /** One entry as clients see it, with the service it comes from (the gateway merges services). */
    public record AuditEntryView(
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

        static AuditEntryView of(String service, AuditEntry entry) {
            return new AuditEntryView(service, entry.globalIndex(), entry.eventId(), entry.eventTime(),
                    entry.actorId(), entry.actorName(), entry.aggregateType(), entry.aggregateId(),
                    entry.aggregateSequence(), entry.eventType(), entry.payloadSummary(), entry.correlationId(),
                    entry.causationId(), entry.previousHash(), entry.hash());
        }
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
