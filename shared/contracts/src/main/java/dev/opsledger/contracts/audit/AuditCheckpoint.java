package dev.opsledger.contracts.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * A service's signed statement about its own audit trail at one moment, published on
 * {@code opsledger.audit.checkpoints}: "my chain held {@code entries} entries up to and including
 * {@code headGlobalIndex}, whose hash was {@code headHash}". Like CloudTrail's digest files it
 * anchors the chain outside the database it lives in: whoever can edit the {@code audit_log}
 * table cannot edit what was already published, nor sign a new statement without the key.
 *
 * @param service         the service whose trail this is, e.g. {@code release}
 * @param headGlobalIndex global index of the newest entry covered
 * @param headHash        that entry's hash (lowercase hex SHA-256)
 * @param entries         how many entries the chain held up to and including the head
 * @param time            when the service signed it
 * @param keyId           which key signed it ({@link AuditCheckpointSignatures#keyId})
 * @param signature       Ed25519 signature over {@link #signedContent()}, base64; null before signing
 */
public record AuditCheckpoint(
        String service,
        long headGlobalIndex,
        String headHash,
        long entries,
        Instant time,
        String keyId,
        String signature) {

    static final String VERSION = "opsledger-audit-checkpoint-v1";

    public AuditCheckpoint {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(headHash, "headHash");
        Objects.requireNonNull(time, "time");
    }

    /** The checkpoint before signing. */
    public static AuditCheckpoint unsigned(String service, long headGlobalIndex, String headHash, long entries,
            Instant time) {
        return new AuditCheckpoint(service, headGlobalIndex, headHash, entries, time, null, null);
    }

    public AuditCheckpoint signed(String keyId, String signature) {
        return new AuditCheckpoint(service, headGlobalIndex, headHash, entries, time, keyId, signature);
    }

    /**
     * What the signature covers: every field but the signature, each prefixed by its length (the
     * same unambiguous form as the chain's entries), after a version tag.
     */
    public String signedContent() {
        StringBuilder content = new StringBuilder(VERSION);
        for (String field : new String[] {service, Long.toString(headGlobalIndex), headHash, Long.toString(entries),
                time.toString(), keyId}) {
            content.append('|');
            if (field == null) {
                content.append('~');
            } else {
                content.append(field.length()).append(':').append(field);
            }
        }
        return content.toString();
    }
}
