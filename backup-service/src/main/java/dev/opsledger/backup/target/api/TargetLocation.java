package dev.opsledger.backup.target.api;

import java.util.Objects;

/**
 * Where a target lives: a PostgreSQL database, or a directory (an absolute path, checked against
 * the allowed roots by the registry when the target is registered).
 */
public record TargetLocation(TargetKind kind, PostgresLocation postgres, String directory) {

    public TargetLocation {
        Objects.requireNonNull(kind, "kind");
        if (kind == TargetKind.POSTGRESQL && (postgres == null || directory != null)) {
            throw InvalidTarget.of(InvalidTarget.INVALID_LOCATION, "location",
                    "A postgresql target has host, port, database and credentialsRef, and no path");
        }
        if (kind == TargetKind.DIRECTORY) {
            if (postgres != null) {
                throw InvalidTarget.of(InvalidTarget.INVALID_LOCATION, "location",
                        "A directory target has a path and nothing else");
            }
            DirectoryPath.check(directory, "location.path");
        }
    }

    public static TargetLocation postgresql(PostgresLocation postgres) {
        return new TargetLocation(TargetKind.POSTGRESQL, postgres, null);
    }

    public static TargetLocation directory(String path) {
        return new TargetLocation(TargetKind.DIRECTORY, null, path);
    }
}
