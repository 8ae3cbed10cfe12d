package dev.opsledger.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsledger.contracts.audit.AuditCheckpoint;
import dev.opsledger.contracts.audit.AuditCheckpointSignatures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevAuditKeysTest {

    @Test
    void givenAFreshStackHome_whenKeysAreAskedTwice_thenOnePairIsMadeKeptAndReadableByItsOwnerOnly(@TempDir Path home)
            throws IOException {
        DevAuditKeys first = DevAuditKeys.loadOrCreate(home.resolve("audit-keys"));
        DevAuditKeys second = DevAuditKeys.loadOrCreate(home.resolve("audit-keys"));

        assertThat(second).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                home.resolve("audit-keys/signing-key.pkcs8.b64")))).isEqualTo("rw-------");
        AuditCheckpoint signed = AuditCheckpointSignatures.sign(
                AuditCheckpoint.unsigned("release", 1, "a".repeat(64), 1, Instant.EPOCH),
                AuditCheckpointSignatures.privateKey(first.privateKey()), "dev");
        assertThat(AuditCheckpointSignatures.verify(signed, AuditCheckpointSignatures.publicKey(first.publicKey()))).isTrue();
        assertThat(first.environment()).containsOnlyKeys("OPSLEDGER_AUDIT_SIGNING_KEY", "OPSLEDGER_AUDIT_VERIFICATION_KEYS");
        assertThat(first.toString()).doesNotContain(first.privateKey());
    }
}
