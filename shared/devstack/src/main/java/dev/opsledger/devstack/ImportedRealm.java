package dev.opsledger.devstack;

import dev.opsledger.testkit.KeycloakServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Which realm file a stack home's Keycloak imported, kept as its SHA-256 beside the data.
 * <p>
 * Keycloak keeps its data in the stack's PostgreSQL and imports the realm file only into an empty
 * database (ADR 072), so a change of the file made after a stack home was created does not reach it:
 * its users, clients and mappers stay as they were imported. That is the price of keeping what was
 * written at runtime, and it is said at start rather than left to surprise: when the file differs from
 * the one imported, {@link #checkAtStart} returns what to do. {@code --fresh} wipes this record along
 * with the database, so the next start imports and records again.
 */
record ImportedRealm(Path record) {

    /**
     * Records the realm file the first time (the database is new then: it is wiped with this record), and
     * afterwards returns a notice when the realm file on the classpath is no longer the one imported.
     */
    Optional<String> checkAtStart() {
        return checkAtStart(digestOf(KeycloakServer.REALM_RESOURCE));
    }

    Optional<String> checkAtStart(String currentDigest) {
        try {
            if (!Files.isRegularFile(record)) {
                Files.createDirectories(record.toAbsolutePath().getParent());
                Files.writeString(record, currentDigest + "\n");
                return Optional.empty();
            }
            if (Files.readString(record).strip().equals(currentDigest)) {
                return Optional.empty();
            }
            return Optional.of("The realm file (" + KeycloakServer.REALM_RESOURCE + ") changed since this stack's Keycloak"
                    + " imported it; Keycloak keeps the realm it has, with what was written at runtime (ADR 072)."
                    + " To take the new file: ./opsledger up --fresh (wipes the stack's data).");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + record, e);
        }
    }

    static String digestOf(String classpathResource) {
        try (InputStream realm = ImportedRealm.class.getClassLoader().getResourceAsStream(classpathResource)) {
            if (realm == null) {
                throw new IllegalStateException(classpathResource + " is missing from the classpath");
            }
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(realm.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + classpathResource, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
