package dev.opsledger.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsledger.contracts.audit.AuditCheckpoint;
import dev.opsledger.contracts.audit.AuditCheckpointSignatures;
import dev.opsledger.contracts.audit.AuditCheckpointSignatures.EncodedKeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditCheckpointKeysTest {

    private static final EncodedKeyPair CURRENT = AuditCheckpointSignatures.generate();
    private static final EncodedKeyPair RETIRED = AuditCheckpointSignatures.generate();
    private static final AuditCheckpoint CHECKPOINT = AuditCheckpoint.unsigned("backup", 7, "c".repeat(64), 7,
            Instant.parse("2026-11-30T11:00:00Z"));

    private static AuditCheckpointProperties properties(String signingKey, List<String> verificationKeys) {
        return new AuditCheckpointProperties(true, Duration.ofMinutes(1), signingKey, verificationKeys, 1000,
                Duration.ofSeconds(30), "opsledger.audit.checkpoints");
    }

    @Test
    void givenNoSigningKey_whenTheServiceStarts_thenItRefusesNamingTheEnvironmentVariable() {
        assertThatThrownBy(() -> AuditCheckpointKeys.of(" ", List.of(CURRENT.publicKey())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("OPSLEDGER_AUDIT_SIGNING_KEY");
    }

    @Test
    void givenASigningKeyWhosePublicHalfIsNotListed_whenTheServiceStarts_thenItRefuses() {
        assertThatThrownBy(() -> AuditCheckpointKeys.of(CURRENT.privateKey(), List.of(RETIRED.publicKey())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("OPSLEDGER_AUDIT_VERIFICATION_KEYS");
    }

    @Test
    void givenARotatedKey_whenCheckpointsOfTheCurrentAndTheRetiredKeyAreRead_thenBothAreAuthentic_andAnUnlistedOneIsNot() {
        AuditCheckpointKeys keys = AuditCheckpointKeys.of(CURRENT.privateKey(),
                List.of(RETIRED.publicKey(), CURRENT.publicKey()));
        AuditCheckpointKeys retired = AuditCheckpointKeys.of(RETIRED.privateKey(), List.of(RETIRED.publicKey()));
        EncodedKeyPair stranger = AuditCheckpointSignatures.generate();
        AuditCheckpointKeys unlisted = AuditCheckpointKeys.of(stranger.privateKey(), List.of(stranger.publicKey()));

        assertThat(keys.isAuthentic(keys.sign(CHECKPOINT))).isTrue();
        assertThat(keys.isAuthentic(retired.sign(CHECKPOINT))).isTrue();
        assertThat(keys.isAuthentic(unlisted.sign(CHECKPOINT))).isFalse();
        assertThat(keys.isAuthentic(CHECKPOINT)).as("unsigned").isFalse();
    }

    @Test
    void givenProperties_whenPrinted_thenThePrivateKeyIsNotInThem() {
        assertThat(properties(CURRENT.privateKey(), List.of(CURRENT.publicKey())).toString())
                .doesNotContain(CURRENT.privateKey());
    }
}
