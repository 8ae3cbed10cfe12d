package dev.opsledger.devstack;

import dev.opsledger.contracts.audit.AuditCheckpointSignatures;
import dev.opsledger.contracts.audit.AuditCheckpointSignatures.EncodedKeyPair;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * The devstack's DEV-ONLY Ed25519 key pair the services sign their audit checkpoints with: made at
 * the first {@code up} under the stack home ({@code audit-keys/}, the private key readable by its
 * owner only), kept across restarts and {@code --fresh} so earlier checkpoints still verify, never
 * committed. Handed to the services through the environment variables compose sets, not as
 * command-line arguments anyone on the machine could read with {@code ps}.
 */
record DevAuditKeys(String privateKey, String publicKey) {

    static final String SIGNING_KEY_ENV = "OPSLEDGER_AUDIT_SIGNING_KEY";
    static final String VERIFICATION_KEYS_ENV = "OPSLEDGER_AUDIT_VERIFICATION_KEYS";

    static DevAuditKeys loadOrCreate(Path directory) {
        Path privateFile = directory.resolve("signing-key.pkcs8.b64");
        Path publicFile = directory.resolve("verification-key.x509.b64");
        try {
            if (Files.isRegularFile(privateFile) && Files.isRegularFile(publicFile)) {
                return new DevAuditKeys(Files.readString(privateFile).strip(), Files.readString(publicFile).strip());
            }
            EncodedKeyPair pair = AuditCheckpointSignatures.generate();
            Files.createDirectories(directory);
            Files.writeString(privateFile, pair.privateKey() + "\n");
            restrictToOwner(privateFile);
            Files.writeString(publicFile, pair.publicKey() + "\n");
            return new DevAuditKeys(pair.privateKey(), pair.publicKey());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the dev audit keys in " + directory, e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): the stack home's own permissions apply.
        }
    }

    /** What every service process gets in its environment. */
    Map<String, String> environment() {
        return Map.of(SIGNING_KEY_ENV, privateKey, VERIFICATION_KEYS_ENV, publicKey);
    }

    @Override
    public String toString() {
        return "DevAuditKeys[publicKey=" + publicKey + "]";
    }
}
