package dev.opsledger.testkit;

/** Where the test infrastructure comes from; see {@link TestInfrastructure#mode()}. */
public enum InfraMode {
    /** Testcontainers: PostgreSQL, Kafka and Keycloak images on a Docker engine. */
    DOCKER,
    /** zonky PostgreSQL, an in-process Kafka KRaft node, and the Keycloak distribution as a child process. */
    EMBEDDED
}
