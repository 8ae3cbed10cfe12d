package dev.opsledger.backup.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The service's own settings ({@code opsledger.backup.*}).
 *
 * @param repository   where backup files are written
 * @param allowedRoots directory targets and new restore folders must lie under one of these
 * @param pgBinDir     where pg_dump, pg_restore come from; empty for the PATH
 * @param tick         how often schedules, retention and sufficiency are looked at
 * @param workers      how many backups, verifications and restores run at once
 */
@ConfigurationProperties("opsledger.backup")
public record BackupProperties(Path repository, List<Path> allowedRoots, String pgBinDir, Duration tick,
                               Integer workers) {

    public BackupProperties {
        repository = repository == null ? Path.of(".opsledger/backups") : repository;
        allowedRoots = allowedRoots == null ? List.of() : List.copyOf(allowedRoots);
        tick = tick == null ? Duration.ofSeconds(30) : tick;
        workers = workers == null ? 2 : workers;
    }
}
