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
    default PostgresDatabase createDatabase(String name) {
        return DatabaseAdmin.create(this, name);
    }

    /** Drops the database if it exists (closing its connections) and creates it empty. */
    default PostgresDatabase recreateDatabase(String name) {
        DatabaseAdmin.drop(this, name);
        return DatabaseAdmin.create(this, name);
    }

    /** Drops the database if it exists. */
    default void dropDatabase(String name) {
        DatabaseAdmin.drop(this, name);
    }

    /** Stops the server. Idempotent; also done at JVM exit. */
    @Override
    void close();
}
