package dev.opsledger.devstack;

import java.nio.file.Path;

/**
 * Where a devstack keeps its state: {@code .opsledger/} beside the repository, or
 * {@code $OPSLEDGER_HOME}. Ports are the defaults plus {@code $OPSLEDGER_PORT_OFFSET}, so a second
 * stack (the end-to-end test's) can run beside a developer's.
 */
record StackHome(Path root, Path home, int portOffset) {

    static final int POSTGRES_PORT = 15432;
    static final int KAFKA_PORT = 19092;
    static final int KEYCLOAK_PORT = 8180;

    static StackHome fromEnvironment() {
        Path root = Path.of(System.getProperty("opsledger.root", ".")).toAbsolutePath().normalize();
        String homeVariable = System.getenv("OPSLEDGER_HOME");
        Path home = homeVariable == null || homeVariable.isBlank()
                ? root.resolve(".opsledger")
                : Path.of(homeVariable).toAbsolutePath().normalize();
        String offset = System.getenv("OPSLEDGER_PORT_OFFSET");
        return new StackHome(root, home, offset == null || offset.isBlank() ? 0 : Integer.parseInt(offset.strip()));
    }

    int port(int defaultPort) {
        return defaultPort + portOffset;
    }

    Path logs() {
        return home.resolve("logs");
    }

    Path log(String name) {
        return logs().resolve(name + ".log");
    }

    Path stateFile() {
        return home.resolve("state.json");
    }

    Path lockFile() {
        return home.resolve("devstack.lock");
    }

    Path seededMarker() {
        return home.resolve("seeded");
    }

    Path postgresData() {
        return home.resolve("postgres");
    }

    /** backup-service's repository (devstack-services.properties points it here). */
    Path backups() {
        return home.resolve("backups");
    }

    /** Where automation-service's runs work (devstack-services.properties points it here). */
    Path automationWork() {
        return home.resolve("automation");
    }

    /** Which realm file Keycloak imported into its database here ({@link ImportedRealm}); wiped by {@code --fresh}. */
    Path importedRealm() {
        return home.resolve("keycloak-realm.sha256");
    }

    Path kafkaData() {
        return home.resolve("kafka");
    }

    /** The dev-only audit checkpoint keys ({@link DevAuditKeys}); kept by {@code --fresh}. */
    Path auditKeys() {
        return home.resolve("audit-keys");
    }

    /** The Kafka passwords of this stack (owner-only; generated on first start). */
    Path kafkaCredentials() {
        return home.resolve("kafka-credentials.properties");
    }

    /** The read-only {@code reader} login, for other teams' consumers and e2e tests ({@link KafkaReaderConfig}). */
    Path kafkaReaderConfig() {
        return home.resolve(KafkaReaderConfig.FILE_NAME);
    }
}
