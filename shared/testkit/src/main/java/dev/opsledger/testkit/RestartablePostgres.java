package dev.opsledger.testkit;

import java.nio.file.Path;

/**
 * A PostgreSQL server of one test's own, which the test stops and starts again on the same data
 * directory and port, as an operator's restart would: clients find it where they looked before,
 * with everything it had committed. Fault tests use it instead of the shared server of
 * {@link TestInfrastructure}, which the other test classes of the JVM still need.
 *
 * <p>Its settings are the devstack's durable ones ({@link EmbeddedPostgresServer#start(Path, int)}):
 * a test that counts acknowledged commands after a restart must not count on {@code fsync=off}.
 */
public final class RestartablePostgres implements PostgresServer {

    private final Path dataDirectory;
    private final int port;
    private volatile EmbeddedPostgresServer server;

    private RestartablePostgres(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.server = EmbeddedPostgresServer.start(dataDirectory, port);
    }

    /** Initialises {@code dataDirectory} (a test's temporary directory) and starts the server on a free port. */
    public static RestartablePostgres start(Path dataDirectory) {
        return new RestartablePostgres(dataDirectory, Ports.freePort());
    }

    /** Stops the server (fast shutdown: open connections are cut, as when PostgreSQL goes away). */
    public synchronized void stop() {
        server.close();
    }

    /** Starts it again on the same data and port; the port may have been taken meanwhile, which fails loudly. */
    public synchronized void restart() {
        server = EmbeddedPostgresServer.start(dataDirectory, port);
    }

    @Override
    public String host() {
        return server.host();
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String username() {
        return server.username();
    }

    @Override
    public String password() {
        return server.password();
    }

    @Override
    public synchronized void close() {
        server.close();
    }

    @Override
    public String toString() {
        return "RestartablePostgres[" + jdbcUrl("postgres") + ", data in " + dataDirectory + "]";
    }
}
