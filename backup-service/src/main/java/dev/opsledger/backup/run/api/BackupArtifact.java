package dev.opsledger.backup.run.api;

import java.time.Duration;

/**
 * A backup file in the repository.
 *
 * @param location    the path relative to the repository root
 * @param sha256      hex SHA-256 of the file, computed while it was written
 * @param toolVersion e.g. {@code pg_dump (PostgreSQL) 15.18} or {@code commons-compress tar.gz}
 */
public record BackupArtifact(String location, long sizeBytes, String sha256, Duration duration,
                             String toolVersion) {
}
