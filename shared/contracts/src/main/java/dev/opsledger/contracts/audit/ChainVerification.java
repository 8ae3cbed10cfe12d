package dev.opsledger.contracts.audit;

/**
 * What every service's {@code GET /audit/verify} answers after recomputing its hash chain, and
 * what the gateway's {@code GET /api/audit/verify} reads from each. Valid: {@code valid} and the
 * number of {@code entries}. Broken: also the first entry that does not verify and why;
 * {@code entries} then counts the entries checked up to it.
 */
public record ChainVerification(boolean valid, long entries, Long firstBrokenGlobalIndex, String reason) {

    public static ChainVerification intact(long entries) {
        return new ChainVerification(true, entries, null, null);
    }

    public static ChainVerification broken(long entries, long globalIndex, String reason) {
        return new ChainVerification(false, entries, globalIndex, reason);
    }
}
