package dev.opsledger.backup.driver;

import dev.opsledger.backup.config.BackupProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The directory backups are written to: {@code <root>/<target id>/<run id>.<ext>}. Locations in
 * events are relative to the root, so the repository can move; a location that would leave the
 * root is refused.
 */
@Component
public class BackupRepository {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private final Path root;

    BackupRepository(BackupProperties properties) {
        try {
            this.root = Files.createDirectories(properties.repository().toAbsolutePath().normalize()).toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the backup repository " + properties.repository(), e);
        }
    }

    public Path root() {
        return root;
    }

    /** A new file's location for a run, e.g. {@code 3f…/9a….dump}. */
    String locationFor(String targetId, String runId, String extension) {
        if (!ID.matcher(targetId).matches() || !ID.matcher(runId).matches()) {
            throw new IllegalArgumentException("Ids are UUIDs");
        }
        return targetId + "/" + runId + "." + extension;
    }

    Path resolve(String location) {
        Path file = root.resolve(location).normalize();
        if (!file.startsWith(root) || file.equals(root)) {
            throw new IllegalArgumentException("Location outside the repository: " + location);
        }
        return file;
    }

    /** A fresh scratch folder inside the repository, for test restores. */
    Path scratch(String name) throws IOException {
        return Files.createDirectories(root.resolve(".scratch").resolve(name));
    }

    /** Removes an expired backup's file; idempotent. */
    public void delete(String location) {
        try {
            Files.deleteIfExists(resolve(location));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + location, e);
        }
    }
}
