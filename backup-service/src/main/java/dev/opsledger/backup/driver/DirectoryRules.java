package dev.opsledger.backup.driver;

import dev.opsledger.backup.config.BackupProperties;
import dev.opsledger.backup.target.api.InvalidTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Where directory targets and restore folders may be: under an allowed root, even after every
 * symlink on the way is followed, and neither inside the backup repository nor holding it (a
 * backup of the repository would grow with every run).
 */
@Component
public class DirectoryRules {

    private final List<Path> roots;
    private final BackupRepository repository;

    DirectoryRules(BackupProperties properties, BackupRepository repository) {
        this.repository = repository;
        this.roots = properties.allowedRoots().stream().map(DirectoryRules::createdRoot).toList();
    }

    public void check(String path, String field) {
        Path real;
        try {
            real = realOfExistingPrefix(Path.of(path));
        } catch (IOException | RuntimeException unresolvable) {
            // A dangling symlink or an unreadable part: nothing we could back up safely.
            throw InvalidTarget.of(InvalidTarget.PATH_NOT_ALLOWED, field, "The path cannot be resolved");
        }
        if (roots.stream().noneMatch(real::startsWith)) {
            throw InvalidTarget.of(InvalidTarget.PATH_NOT_ALLOWED, field,
                    "The path (symlinks followed) is not under an allowed root");
        }
        if (real.startsWith(repository.root()) || repository.root().startsWith(real)) {
            throw InvalidTarget.of(InvalidTarget.PATH_NOT_ALLOWED, field,
                    "The backup repository cannot be a target nor hold one");
        }
    }

    /** The path with every existing part resolved through its symlinks; the missing rest appended. */
    private static Path realOfExistingPrefix(Path path) throws IOException {
        Path existing = path.toAbsolutePath().normalize();
        Path rest = existing.getFileSystem().getPath("");
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            rest = existing.getFileName().resolve(rest);
            existing = existing.getParent();
        }
        if (existing == null) {
            return path.toAbsolutePath().normalize();
        }
        return existing.toRealPath().resolve(rest).normalize();
    }

    private static Path createdRoot(Path path) {
        try {
            Path absolute = path.toAbsolutePath().normalize();
            Files.createDirectories(absolute);
            return absolute.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot resolve " + path, e);
        }
    }
}
