package dev.opsledger.backup.driver;

import dev.opsledger.backup.run.api.BackupRunExpired;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Removes an expired backup's file after the expiry is recorded, never before: a refused expiry
 * (a restore pinned the run) must leave the file. Retries from its token on failure (idempotent).
 */
@Component
@ProcessingGroup(RepositoryCleaner.PROCESSING_GROUP)
public class RepositoryCleaner {

    public static final String PROCESSING_GROUP = "repository-cleaner";

    private final BackupRepository repository;

    RepositoryCleaner(BackupRepository repository) {
        this.repository = repository;
    }

    @EventHandler
    void on(BackupRunExpired event) {
        repository.delete(event.location());
    }
}
