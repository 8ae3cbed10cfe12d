package dev.opsledger.platform.audit;

import dev.opsledger.contracts.audit.AuditCheckpoint;
import dev.opsledger.contracts.audit.AuditCheckpointSignatures;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The service's signing key and the public keys its checkpoints are checked with. Built at start-up
 * and refusing to start when the keys are missing or don't belong together: a service that signs
 * with a key its own verification rejects would flag its whole trail as forged the first time an
 * auditor looks.
 */
public final class AuditCheckpointKeys {

    private final PrivateKey signingKey;
    private final String signingKeyId;
    private final Map<String, PublicKey> verificationKeys;

    private AuditCheckpointKeys(PrivateKey signingKey, String signingKeyId, Map<String, PublicKey> verificationKeys) {
        this.signingKey = signingKey;
        this.signingKeyId = signingKeyId;
        this.verificationKeys = verificationKeys;
    }

    /** The variables operators set (compose, the devstack); the properties win when both are set. */
    public static final String SIGNING_KEY_ENV = "OPSLEDGER_AUDIT_SIGNING_KEY";
    public static final String VERIFICATION_KEYS_ENV = "OPSLEDGER_AUDIT_VERIFICATION_KEYS";

    /**
     * @param signingKey       base64 PKCS#8 Ed25519 private key
     * @param verificationKeys base64 X.509 Ed25519 public keys, the signing key's among them
     */
    public static AuditCheckpointKeys of(String signingKey, List<String> verificationKeys) {
        if (signingKey == null || signingKey.isBlank()) {
            throw new IllegalStateException("No audit checkpoint signing key: set OPSLEDGER_AUDIT_SIGNING_KEY (an Ed25519 "
                    + "private key, base64 PKCS#8, e.g. `openssl genpkey -algorithm ed25519 -outform DER | base64 -w0`) "
                    + "and OPSLEDGER_AUDIT_VERIFICATION_KEYS (its public key, base64 X.509), or switch checkpoints off "
                    + "with opsledger.audit.checkpoints.enabled=false");
        }
        PrivateKey privateKey = AuditCheckpointSignatures.privateKey(signingKey);
        Map<String, PublicKey> publicKeys = new LinkedHashMap<>();
        for (String encoded : verificationKeys) {
            if (!encoded.isBlank()) {
                PublicKey key = AuditCheckpointSignatures.publicKey(encoded);
                publicKeys.put(AuditCheckpointSignatures.keyId(key), key);
            }
        }
        // The JDK can't derive an Ed25519 public key from the private one: find it by signing a probe.
        AuditCheckpoint probe = AuditCheckpoint.unsigned("probe", 0, AuditHashChain.GENESIS, 0, Instant.EPOCH);
        String signingKeyId = publicKeys.entrySet().stream()
                .filter(entry -> AuditCheckpointSignatures.verify(
                        AuditCheckpointSignatures.sign(probe, privateKey, entry.getKey()), entry.getValue()))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("The audit checkpoint signing key's public half is not "
                        + "among OPSLEDGER_AUDIT_VERIFICATION_KEYS: the service's own checkpoints would be refused"));
        return new AuditCheckpointKeys(privateKey, signingKeyId, Map.copyOf(publicKeys));
    }

    public AuditCheckpoint sign(AuditCheckpoint checkpoint) {
        return AuditCheckpointSignatures.sign(checkpoint, signingKey, signingKeyId);
    }

    /** Signed by one of the verification keys, under the key id it names. */
    public boolean isAuthentic(AuditCheckpoint checkpoint) {
        PublicKey key = checkpoint.keyId() == null ? null : verificationKeys.get(checkpoint.keyId());
        return key != null && AuditCheckpointSignatures.verify(checkpoint, key);
    }

    public String signingKeyId() {
        return signingKeyId;
    }
}
