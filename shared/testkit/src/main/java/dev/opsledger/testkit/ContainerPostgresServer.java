package dev.opsledger.testkit;

import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/** PostgreSQL 15 in a Testcontainers container (the major of Debian bookworm's pg_dump, ADR 020), for machines with a Docker engine. */
final class ContainerPostgresServer implements PostgresServer {

    private final PostgreSQLContainer container;

    private ContainerPostgresServer(PostgreSQLContainer container) {
        this.container = container;
    }

    static ContainerPostgresServer start() {
        PostgreSQLContainer container = new PostgreSQLContainer(DockerImageName.parse("postgres:15-alpine"))
                .withCommand("postgres", "-c", "max_connections=300", "-c", "fsync=off");
        container.start();
        // Ryuk removes it too, but only once the JVM is gone; stopping it here frees the engine sooner.
        JvmExit.onExit("postgres-container", container::stop);
        return new ContainerPostgresServer(container);
    }

    @Override
    public String host() {
        return container.getHost();
    }

    @Override
    public int port() {
        return container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT);
    }

    @Override
    public String username() {
        return container.getUsername();
    }

    @Override
    public String password() {
        return container.getPassword();
    }

    @Override
    public void close() {
        container.stop();
    }
}
