package dev.opsledger.testkit;

/**
 * A running PostgreSQL server, embedded or in a container. Tests get one per JVM from
 * {@link TestInfrastructure#postgres()}; the devstack starts an {@link EmbeddedPostgresServer} itself.
 */
public interface PostgresServer extends AutoCloseable {

    String host();

    int port();

    /** A superuser, allowed to create and drop databases. */
    String username();

    String password();

    default String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
    }

    /** Creates the database unless it exists; safe to call on every start and from several JVMs. */
    PostgresDatabase createDatabase(String name);

    /** Drops the database if it exists (closing its connections) and creates it empty. */
    PostgresDatabase recreateDatabase(String name);

    /** Drops the database if it exists. */
    void dropDatabase(String name);

    /** Stops the server. Idempotent; also done at JVM exit. */
    @Override
    void close();
}
