package dev.opsledger.contracts.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsledger.contracts.audit.AuditCheckpointSignatures.EncodedKeyPair;
import java.security.PublicKey;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditCheckpointSignaturesTest {

    private static final EncodedKeyPair KEYS = AuditCheckpointSignatures.generate();
    private static final PublicKey PUBLIC = AuditCheckpointSignatures.publicKey(KEYS.publicKey());
    private static final String KEY_ID = AuditCheckpointSignatures.keyId(PUBLIC);
    private static final AuditCheckpoint CHECKPOINT = AuditCheckpoint.unsigned("release", 42, "a".repeat(64), 40,
            Instant.parse("2026-11-30T10:00:00Z"));

    @Test
    void givenACheckpointSignedWithTheKey_whenVerifiedWithItsPublicHalf_thenAuthentic() {
        AuditCheckpoint signed = AuditCheckpointSignatures.sign(CHECKPOINT,
                AuditCheckpointSignatures.privateKey(KEYS.privateKey()), KEY_ID);

        assertThat(signed.keyId()).isEqualTo(KEY_ID).hasSize(16);
        assertThat(AuditCheckpointSignatures.verify(signed, PUBLIC)).isTrue();
    }

    @Test
    void givenASignedCheckpoint_whenAnySignedFieldIsChanged_thenItNoLongerVerifies() {
        AuditCheckpoint signed = AuditCheckpointSignatures.sign(CHECKPOINT,
                AuditCheckpointSignatures.privateKey(KEYS.privateKey()), KEY_ID);

        for (AuditCheckpoint changed : new AuditCheckpoint[] {
                new AuditCheckpoint("backup", 42, signed.headHash(), 40, signed.time(), KEY_ID, signed.signature()),
                new AuditCheckpoint("release", 41, signed.headHash(), 40, signed.time(), KEY_ID, signed.signature()),
                new AuditCheckpoint("release", 42, "b".repeat(64), 40, signed.time(), KEY_ID, signed.signature()),
                new AuditCheckpoint("release", 42, signed.headHash(), 39, signed.time(), KEY_ID, signed.signature()),
                new AuditCheckpoint("release", 42, signed.headHash(), 40, signed.time().plusSeconds(1), KEY_ID,
                        signed.signature()),
                new AuditCheckpoint("release", 42, signed.headHash(), 40, signed.time(), "0".repeat(16),
                        signed.signature())}) {
            assertThat(AuditCheckpointSignatures.verify(changed, PUBLIC)).as(changed.toString()).isFalse();
        }
    }

    @Test
    void givenACheckpointSignedWithAnotherKeyOrGarbage_whenVerified_thenNotAuthentic() {
        EncodedKeyPair other = AuditCheckpointSignatures.generate();
        AuditCheckpoint byOther = AuditCheckpointSignatures.sign(CHECKPOINT,
                AuditCheckpointSignatures.privateKey(other.privateKey()), KEY_ID);

        assertThat(AuditCheckpointSignatures.verify(byOther, PUBLIC)).isFalse();
        assertThat(AuditCheckpointSignatures.verify(CHECKPOINT.signed(KEY_ID, "not base64!"), PUBLIC)).isFalse();
        assertThat(AuditCheckpointSignatures.verify(CHECKPOINT.signed(KEY_ID, null), PUBLIC)).isFalse();
    }

    @Test
    void givenTextThatIsNoKey_whenDecoded_thenIllegalArgumentNamingTheExpectedForm() {
        assertThatThrownBy(() -> AuditCheckpointSignatures.privateKey("bm90IGEga2V5"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PKCS#8 Ed25519");
        assertThatThrownBy(() -> AuditCheckpointSignatures.publicKey(KEYS.privateKey()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("X.509 Ed25519");
    }
}
