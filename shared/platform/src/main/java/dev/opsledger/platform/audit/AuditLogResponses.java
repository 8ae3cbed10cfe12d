package dev.opsledger.platform.audit;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What {@code GET /audit} and {@code GET /audit/verify} answer; the page itself is a public contract. */
public final class AuditLogResponses {

    private AuditLogResponses() {
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
