package dev.opsledger.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * PostgreSQL from the zonky binaries, run as a child process on 127.0.0.1.
 * {@link #start()} gives a throw-away server for tests; {@link #start(Path, int)} keeps its data
 * in a directory between runs, for the devstack.
 */
public final class EmbeddedPostgresServer implements PostgresServer {

    private static final String HOST = "127.0.0.1";
    // zonky's initdb trusts local connections, so the password is never checked; it is set for JDBC URLs that expect one.
    private static final String USER = "postgres";
    private static final String PASSWORD = "postgres";

    private final EmbeddedPostgres postgres;
    private final StopOnce stopOnce;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
        this.stopOnce = new StopOnce("postgres", this::stop);
    }

    /**
     * A server on a free port with a temporary data directory, deleted when it stops. Tests trade
     * durability for speed: nothing here has to survive a crash of the machine.
     */
    public static EmbeddedPostgresServer start() {
        return start(builder()
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .setCleanDataDirectory(true).setPort(Ports.freePort()));
    }

    /**
     * A server on {@code port} whose data lives in {@code dataDirectory}: initialised on first use,
     * reused as it is on later starts. This is the devstack's, which people run OpsLedger on: its
     * data is durable (PostgreSQL's defaults, fsync and synchronous commit on), so an acknowledged
     * command survives a crash.
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port) {
        try {
            Files.createDirectories(dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dataDirectory, e);
        }
        refuseOtherMajorVersion(dataDirectory);
        return start(builder()
                .setDataDirectory(dataDirectory.toAbsolutePath())
                .setCleanDataDirectory(false)
                .setPort(port));
    }

    private static EmbeddedPostgres.Builder builder() {
        return EmbeddedPostgres.builder()
                // Our own exit hook stops the server; two hooks would race each other.
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("listen_addresses", HOST)
                .setServerConfig("max_connections", "300");
    }

    /**
     * A data directory written by another major version can't be opened by this one (ADR 020
     * moved the embedded binaries to 15); say what to do instead of PostgreSQL's startup error.
     */
    static void refuseOtherMajorVersion(Path dataDirectory) {
        Path versionFile = dataDirectory.resolve("PG_VERSION");
        if (!Files.isRegularFile(versionFile)) {
            return;
        }
        try {
            String found = Files.readString(versionFile).trim();
            String expected = TestkitVersions.postgresMajor();
            if (!found.equals(expected)) {
                throw new IllegalStateException("The data in " + dataDirectory + " was written by PostgreSQL " + found
                        + ", but this build runs PostgreSQL " + expected + " (ADR 020). Back it up if you need it, "
                        + "then start afresh (./opsledger up --fresh), or move OPSLEDGER_HOME elsewhere.");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + versionFile, e);
        }
    }

    private static EmbeddedPostgresServer start(EmbeddedPostgres.Builder builder) {
        try {
            return new EmbeddedPostgresServer(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }

    @Override
    public String host() {
        return HOST;
    }

    @Override
    public int port() {
        return postgres.getPort();
    }

    @Override
    public String username() {
        return USER;
    }

    @Override
    public String password() {
        return PASSWORD;
    }

    @Override
    public void close() {
        stopOnce.stop();
    }

    private void stop() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not stop cleanly", e);
        }
    }

    @Override
    public String toString() {
        return "EmbeddedPostgresServer[" + jdbcUrl("postgres") + "]";
    }
}
