package dev.opsledger.backup.target.api;

import java.util.Arrays;

/**
 * The rules a directory path must pass as text, before the file system is asked: absolute, no
 * {@code ..} or {@code .} segment, no control character. Roots, symlinks and the repository are
 * the registry's part (they need the file system).
 */
public final class DirectoryPath {

    private DirectoryPath() {
    }

    public static String check(String path, String field) {
        if (path == null || path.isBlank() || path.length() > 1024) {
            throw InvalidTarget.of(InvalidTarget.PATH_NOT_ALLOWED, field, "A path of at most 1024 characters is needed");
        }
        if (path.chars().anyMatch(Character::isISOControl)) {
            throw InvalidTarget.of(InvalidTarget.PATH_NOT_ALLOWED, field, "A path may not hold control characters");
        }
        if (!path.startsWith("/")) {
            throw InvalidTarget.of(InvalidTarget.PATH_NOT_ALLOWED, field, "The path must be absolute");
        }
        if (Arrays.stream(path.split("/")).anyMatch(segment -> segment.equals("..") || segment.equals("."))) {
            throw InvalidTarget.of(InvalidTarget.PATH_NOT_ALLOWED, field, "The path may not contain '..' or '.'");
        }
        return path;
    }
}
