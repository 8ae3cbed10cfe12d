package dev.opsledger.devstack;

import dev.opsledger.testkit.KafkaAccessControl;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The devstack's Kafka passwords: the super user's and one per principal of {@link KafkaAccessControl},
 * generated at random on the stack's first start and kept in {@code <stack home>/kafka-credentials.properties}
 * (owner-only), never in the repository. A principal added later gets its password on the next start;
 * existing ones keep theirs.
 */
final class KafkaCredentials {

    private final Map<String, String> passwords;

    private KafkaCredentials(Map<String, String> passwords) {
        this.passwords = Map.copyOf(passwords);
    }

    static KafkaCredentials loadOrCreate(Path file) {
        Properties stored = new Properties();
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file)) {
                stored.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        Map<String, String> passwords = new LinkedHashMap<>();
        boolean added = false;
        for (String principal : allPrincipals()) {
            String password = stored.getProperty(principal);
            if (password == null || password.isBlank()) {
                password = KafkaAccessControl.newPassword();
                added = true;
            }
            passwords.put(principal, password);
        }
        if (added) {
            Properties toStore = new Properties();
            toStore.putAll(passwords);
            writeOwnerOnly(file, toStore, "OpsLedger devstack Kafka passwords, generated for this stack home; keep private");
        }
        return new KafkaCredentials(passwords);
    }

    private static List<String> allPrincipals() {
        List<String> all = new ArrayList<>();
        all.add(KafkaAccessControl.SUPER_USER);
        all.addAll(KafkaAccessControl.principals());
        return all;
    }

    String superUserPassword() {
        return passwords.get(KafkaAccessControl.SUPER_USER);
    }

    /** Every client principal's password, for {@link KafkaAccessControl#apply}. */
    Map<String, String> clientPasswords() {
        Map<String, String> clients = new LinkedHashMap<>(passwords);
        clients.remove(KafkaAccessControl.SUPER_USER);
        return clients;
    }

    /** A principal's client settings as Spring Boot properties ({@code spring.kafka.properties.*}). */
    Map<String, String> springProperties(String principal) {
        Map<String, String> properties = new LinkedHashMap<>();
        KafkaAccessControl.clientProperties(principal, passwords.get(principal))
                .forEach((key, value) -> properties.put("spring.kafka.properties." + key, value));
        return properties;
    }

    /**
     * Writes a plain Kafka client configuration of {@code principal} ({@code bootstrap.servers} and its
     * login), usable with {@code Properties.load}, {@code kafka-console-consumer.sh --consumer.config}, or
     * {@link KafkaReaderConfig}.
     */
    void writeClientConfig(Path file, String principal, String bootstrapServers) {
        Properties config = new Properties();
        config.put("bootstrap.servers", bootstrapServers);
        config.putAll(KafkaAccessControl.clientProperties(principal, passwords.get(principal)));
        writeOwnerOnly(file, config, "Kafka client login of '" + principal + "' on this devstack; groups must start with "
                + KafkaAccessControl.groupPrefixOf(principal));
    }

    private static void writeOwnerOnly(Path file, Properties properties, String comment) {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(temporary);
            try {
                Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(temporary);
            } catch (FileAlreadyExistsException raced) {
                throw new IllegalStateException("another process writes " + temporary, raced);
            }
            try (Writer out = Files.newBufferedWriter(temporary)) {
                properties.store(out, comment);
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
