package dev.opsledger.contracts.audit;

/**
 * What every service's {@code GET /audit/verify} answers after recomputing its hash chain, and
 * what the gateway's {@code GET /api/audit/verify} reads from each. Valid: {@code valid} and the
 * number of {@code entries}. Broken: also the first entry that does not verify, what happened to
 * it ({@code tampering}) and why; {@code entries} then counts the entries checked up to it.
 *
 * <p>{@code anchor} is the signed checkpoint the chain was checked against (the newest authentic
 * one this service published) and how many checkpoints claiming to be this service's were
 * refused; null when the service publishes none (no Kafka) — then the newest rows can be removed
 * unnoticed, which the answer shows rather than hides.
 */
public record ChainVerification(boolean valid, long entries, Long firstBrokenGlobalIndex, String reason,
                                Tampering tampering, Anchor anchor) {

    /** What the first broken entry tells of the table. */
    public enum Tampering {
        /** The entry is there, but its content or links differ from what was chained (or signed). */
        CHANGED,
        /** The entry was never written by the service: no event of its store stands behind it. */
        INSERTED,
        /** An entry the chain or a signed checkpoint vouches for is gone; the index is the first one gone. */
        MISSING
    }

    /**
     * @param checkpoint          the newest authentic checkpoint, null if none was published yet
     * @param rejectedCheckpoints checkpoints naming this service whose signature did not verify
     */
    public record Anchor(AuditCheckpoint checkpoint, long rejectedCheckpoints) {
    }

    /** The answer before checkpoints existed, kept for callers that only know these four fields. */
    public ChainVerification(boolean valid, long entries, Long firstBrokenGlobalIndex, String reason) {
        this(valid, entries, firstBrokenGlobalIndex, reason, null, null);
    }

    public static ChainVerification intact(long entries) {
        return new ChainVerification(true, entries, null, null);
    }

    public static ChainVerification broken(long entries, long globalIndex, String reason) {
        return new ChainVerification(false, entries, globalIndex, reason);
    }

    public static ChainVerification broken(long entries, long globalIndex, Tampering tampering, String reason) {
        return new ChainVerification(false, entries, globalIndex, reason, tampering, null);
    }

    public ChainVerification anchoredBy(Anchor anchor) {
        return new ChainVerification(valid, entries, firstBrokenGlobalIndex, reason, tampering, anchor);
    }
}
