package dev.opsledger.testkit;

import dev.opsledger.contracts.audit.AuditCheckpointSignatures;
import dev.opsledger.contracts.audit.AuditCheckpointSignatures.EncodedKeyPair;
import java.util.Map;
import java.util.UUID;

/**
 * The Ed25519 key pair a test JVM's services sign their audit checkpoints with: generated once per
 * JVM, never written anywhere. Given to every {@code @WithKafka} Spring test, since a service on
 * Kafka refuses to start without one.
 */
public final class AuditSigningKeys {

    private static final EncodedKeyPair SHARED = AuditCheckpointSignatures.generate();

    private AuditSigningKeys() {
    }

    public static EncodedKeyPair shared() {
        return SHARED;
    }

    /**
     * The keys, and a checkpoints topic of the context's own: every context of a test JVM has its own
     * database, so one context's checkpoints would read as tampering to another.
     */
    public static Map<String, Object> properties() {
        return Map.of("opsledger.audit.checkpoints.signing-key", SHARED.privateKey(),
                "opsledger.audit.checkpoints.verification-keys", SHARED.publicKey(),
                "opsledger.audit.checkpoints.topic", "opsledger.audit.checkpoints.test-" + UUID.randomUUID());
    }
}
