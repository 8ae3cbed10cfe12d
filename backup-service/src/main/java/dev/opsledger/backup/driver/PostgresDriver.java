package dev.opsledger.backup.driver;

import dev.opsledger.backup.config.BackupProperties;
import dev.opsledger.backup.target.api.PostgresLocation;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * {@code pg_dump} in custom format, {@code pg_restore} into a database, and the checks of a test
 * restore. pg_dump refuses a server of a newer major version than itself, so the versions are
 * compared first and a mismatch is a failure naming both (ADR 020), never an empty file.
 */
@Component
public class PostgresDriver {

    private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\)\\s+(\\d+)(?:\\.(\\d+))?");

    private final Processes processes;
    private final Credentials credentials;
    private final String binDir;

    PostgresDriver(Processes processes, Credentials credentials, BackupProperties properties) {
        this.processes = processes;
        this.credentials = credentials;
        this.binDir = properties.pgBinDir() == null ? "" : properties.pgBinDir().strip();
    }

    public record Dump(long sizeBytes, String sha256, String toolVersion) {
    }

    Dump dump(String key, PostgresLocation location, Path file, Duration timeout)
            throws DriverFailure, IOException, InterruptedException {
        Credentials.Login login = credentials.resolve(location.credentialsRef());
        String toolVersion = clientVersion("pg_dump");
        int client = major(toolVersion);
        int server = serverMajor(location, login, location.database());
        if (server > client) {
            throw new DriverFailure(toolVersion + " cannot dump a PostgreSQL " + server + " server: pg_dump must be of "
                    + "the server's major version or newer; install pg_dump " + server + " (ADR 020)");
        }
        Files.createDirectories(file.getParent());
        MessageDigest digest = Hashing.sha256();
        Processes.Result result;
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), digest)) {
            result = processes.run(key, command("pg_dump", location, login, location.database(),
                    "--format=custom", "--no-password"), environment(login), out, timeout);
        } catch (IOException | InterruptedException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        if (result.exitCode() != 0) {
            Files.deleteIfExists(file);
            throw new DriverFailure("pg_dump exited with " + result.exitCode(), result.stderrTail());
        }
        long size = Files.size(file);
        if (size == 0) {
            Files.deleteIfExists(file);
            throw new DriverFailure("pg_dump wrote nothing", result.stderrTail());
        }
        return new Dump(size, Hashing.hex(digest), toolVersion);
    }

    /** Restores {@code file} into {@code database} of the location's server, replacing what is there. */
    void restore(String key, PostgresLocation location, String database, boolean create, Path file, Duration timeout)
            throws DriverFailure, IOException, InterruptedException {
        Credentials.Login login = credentials.resolve(location.credentialsRef());
        if (create) {
            admin(location, login, "CREATE DATABASE \"" + database + "\"");
        }
        Processes.Result result = processes.run(key, command("pg_restore", location, login, database,
                "--clean", "--if-exists", "--no-owner", "--single-transaction", "--exit-on-error", "--no-password",
                file.toString()), environment(login), null, timeout);
        if (result.exitCode() != 0) {
            throw new DriverFailure("pg_restore exited with " + result.exitCode(), result.stderrTail());
        }
    }

    /**
     * Restores into a scratch database, checks it (the policy's SQL must return true, else the
     * tables and their rows are counted), and drops it whatever happened.
     */
    String verify(String key, PostgresLocation location, Path file, String check, Duration timeout)
            throws DriverFailure, IOException, InterruptedException {
        Credentials.Login login = credentials.resolve(location.credentialsRef());
        String scratch = "opsledger_verify_" + Long.toHexString(System.nanoTime());
        try {
            restore(key, location, scratch, true, file, timeout);
            return check == null ? countTables(location, login, scratch) : runCheck(location, login, scratch, check);
        } finally {
            admin(location, login, "DROP DATABASE IF EXISTS \"" + scratch + "\" WITH (FORCE)");
        }
    }

    private String countTables(PostgresLocation location, Credentials.Login login, String database)
            throws DriverFailure {
        List<String> tables = new ArrayList<>();
        long rows = 0;
        try (Connection connection = connect(location, login, database); Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT format('%I.%I', schemaname, tablename) FROM pg_tables "
                    + "WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + table)) {
                    rs.next();
                    rows += rs.getLong(1);
                }
            }
        } catch (SQLException e) {
            throw new DriverFailure("The restored database could not be read: " + e.getMessage());
        }
        return "Restored into a scratch database: " + tables.size() + " tables, " + rows + " rows";
    }

    private String runCheck(PostgresLocation location, Credentials.Login login, String database, String check)
            throws DriverFailure {
        try (Connection connection = connect(location, login, database)) {
            connection.setReadOnly(true);
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(check)) {
                if (rs.next() && rs.getBoolean(1)) {
                    return "Restored into a scratch database; the policy's check returned true";
                }
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new DriverFailure("The policy's check failed on the restored database: " + e.getMessage());
        }
        throw new DriverFailure("The policy's check did not return true on the restored database");
    }

    private void admin(PostgresLocation location, Credentials.Login login, String ddl) throws DriverFailure {
        try (Connection connection = connect(location, login, "postgres"); Statement statement = connection.createStatement()) {
            statement.execute(ddl);
        } catch (SQLException e) {
            throw new DriverFailure("PostgreSQL refused: " + e.getMessage());
        }
    }

    private int serverMajor(PostgresLocation location, Credentials.Login login, String database) throws DriverFailure {
        try (Connection connection = connect(location, login, database); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SHOW server_version_num")) {
            rs.next();
            return Integer.parseInt(rs.getString(1)) / 10000;
        } catch (SQLException e) {
            throw new DriverFailure("Cannot reach " + location.host() + ":" + location.port() + "/" + database + ": "
                    + e.getMessage());
        }
    }

    private static Connection connect(PostgresLocation location, Credentials.Login login, String database)
            throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", login.username());
        properties.setProperty("password", login.password());
        properties.setProperty("connectTimeout", "10");
        return DriverManager.getConnection("jdbc:postgresql://" + location.host() + ":" + location.port() + "/"
                + database, properties);
    }

    String clientVersion(String tool) throws DriverFailure, IOException, InterruptedException {
        Path output = Files.createTempFile("opsledger-version", ".txt");
        try (OutputStream out = Files.newOutputStream(output)) {
            processes.run("version-" + tool + "-" + output.getFileName(), List.of(tool(tool), "--version"), Map.of(),
                    out, Duration.ofSeconds(30));
            return Files.readString(output).strip();
        } catch (IOException notInstalled) {
            throw new DriverFailure(tool + " is not installed (set opsledger.backup.pg-bin-dir or install "
                    + "postgresql-client, ADR 020): " + notInstalled.getMessage());
        } finally {
            Files.deleteIfExists(output);
        }
    }

    static int major(String version) throws DriverFailure {
        Matcher matcher = VERSION.matcher(version);
        if (!matcher.find()) {
            throw new DriverFailure("Cannot read the version of " + version);
        }
        return Integer.parseInt(matcher.group(1));
    }

    private List<String> command(String tool, PostgresLocation location, Credentials.Login login, String database,
                                 String... options) {
        List<String> command = new ArrayList<>(List.of(tool(tool), "--host=" + location.host(),
                "--port=" + location.port(), "--username=" + login.username(), "--dbname=" + database));
        command.addAll(List.of(options));
        return command;
    }

    private String tool(String name) {
        return binDir.isEmpty() ? name : Path.of(binDir, name).toString();
    }

    private static Map<String, String> environment(Credentials.Login login) {
        return Map.of("PGPASSWORD", login.password(), "PGCONNECT_TIMEOUT", "10");
    }
}
