package dev.opsledger.backup.target.api;

import java.util.regex.Pattern;

/**
 * A PostgreSQL database to back up. The credentials are only a reference: the service resolves
 * {@code opsledger.backup.credentials.<ref>.username/password} (e.g. the environment variables
 * {@code OPSLEDGER_BACKUP_CREDENTIALS_<REF>_PASSWORD}) when it runs, so no secret enters the history.
 *
 * <p>The patterns are strict on purpose: each value becomes one argument of {@code pg_dump}, and
 * a database name holding {@code =} would be read as a whole connection string.
 */
public record PostgresLocation(String host, int port, String database, String credentialsRef) {

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252})");
    private static final Pattern DATABASE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
    private static final Pattern REFERENCE = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    public PostgresLocation {
        require(host != null && HOST.matcher(host).matches(), "location.host",
                "must be a host name or address (letters, digits, dots, dashes)");
        require(port >= 1 && port <= 65535, "location.port", "must be between 1 and 65535");
        require(database != null && DATABASE.matcher(database).matches(), "location.database",
                "must be a plain database name (letters, digits, underscore)");
        require(credentialsRef != null && REFERENCE.matcher(credentialsRef).matches(), "location.credentialsRef",
                "must be a lower-case reference (letters, digits, dashes), not a secret");
    }

    /** The same server and credentials, another database: restores to a new database. */
    public PostgresLocation withDatabase(String otherDatabase) {
        return new PostgresLocation(host, port, otherDatabase, credentialsRef);
    }

    private static void require(boolean valid, String field, String reason) {
        if (!valid) {
            throw InvalidTarget.of(InvalidTarget.INVALID_LOCATION, field, field + " " + reason);
        }
    }
}
