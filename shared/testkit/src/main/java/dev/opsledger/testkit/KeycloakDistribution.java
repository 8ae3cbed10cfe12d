package dev.opsledger.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The Keycloak server distribution, taken from the local Maven repository (the testkit depends on
 * {@code org.keycloak:keycloak-quarkus-dist:zip}) and unpacked once per version into a cache directory
 * shared by all JVMs and worktrees on the machine.
 */
public final class KeycloakDistribution {

    private KeycloakDistribution() {
    }

    /** The unpacked distribution ({@code bin/kc.sh} inside), unpacking it first if needed. */
    public static Path home() {
        return home("");
    }

    /**
     * A copy of the distribution of its own for one build configuration, e.g. {@code "postgres"}
     * ({@code keycloak-<version>-postgres}); {@code ""} is the tests' in-memory one.
     * <p>
     * Keycloak bakes its build-time options (the database vendor among them) into {@code lib/quarkus}
     * and rebuilds itself at start when they change. One copy shared by servers of two configurations
     * would be rebuilt at every switch, under the feet of a server still running from it; a copy per
     * configuration is built once.
     */
    public static Path home(String buildConfiguration) {
        String version = TestkitVersions.keycloak();
        String suffix = buildConfiguration.isEmpty() ? "" : "-" + buildConfiguration;
        Path target = cacheDirectory().resolve("keycloak-" + version + suffix);
        if (Files.isExecutable(target.resolve("bin/kc.sh"))) {
            return target;
        }
        unpack(zip(version), target, version);
        return target;
    }

    /** {@code ${user.home}/.cache/opsledger}, or the {@code opsledger.cache.dir} system property. */
    public static Path cacheDirectory() {
        String configured = System.getProperty("opsledger.cache.dir");
        return configured != null && !configured.isBlank()
                ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "opsledger");
    }

    static Path zip(String version) {
        String configured = System.getProperty("maven.repo.local");
        Path repository = configured != null && !configured.isBlank()
                ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".m2", "repository");
        Path zip = repository.resolve(Path.of("org", "keycloak", "keycloak-quarkus-dist", version,
                "keycloak-quarkus-dist-" + version + ".zip"));
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("Keycloak distribution not found at " + zip
                    + ". It is a dependency of opsledger-testkit: run the Maven build once (./mvnw -pl shared/testkit -am verify)"
                    + " or set -Dmaven.repo.local to the repository that holds it.");
        }
        return zip;
    }

    private static void unpack(Path zip, Path target, String version) {
        Path staging;
        try {
            Files.createDirectories(target.getParent());
            // Unpacked next to the target so the final rename stays on one file system and is atomic:
            // a JVM that sees the target directory sees a complete distribution.
            staging = Files.createTempDirectory(target.getParent(), "keycloak-" + version + ".unpacking-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory under " + target.getParent(), e);
        }
        try {
            extract(zip, staging);
            Path root = staging.resolve("keycloak-" + version);
            if (!Files.isRegularFile(root.resolve("bin/kc.sh"))) {
                throw new IllegalStateException(zip + " has no keycloak-" + version + "/bin/kc.sh");
            }
            makeScriptsExecutable(root.resolve("bin"));
            try {
                Files.move(root, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException anotherJvmWon) {
                // Another JVM unpacked the same version meanwhile; its copy is as good as ours.
            } catch (AtomicMoveNotSupportedException e) {
                throw new IllegalStateException("cannot rename " + root + " to " + target + " atomically", e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + zip + " into " + target, e);
        } finally {
            deleteRecursively(staging);
        }
    }

    private static void extract(Path zip, Path destination) throws IOException {
        Path root = destination.toAbsolutePath().normalize();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path path = root.resolve(entry.getName()).normalize();
                if (!path.startsWith(root)) {
                    throw new IOException("zip entry outside the target directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else {
                    Files.createDirectories(path.getParent());
                    try (InputStream in = file.getInputStream(entry)) {
                        Files.copy(in, path);
                    }
                }
            }
        }
    }

    // java.util.zip drops the Unix modes stored in the zip, so the launch scripts are marked executable here.
    private static void makeScriptsExecutable(Path bin) throws IOException {
        Set<PosixFilePermission> executable = EnumSet.of(
                PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE,
                PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_EXECUTE,
                PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_EXECUTE);
        try (DirectoryStream<Path> scripts = Files.newDirectoryStream(bin, "*.sh")) {
            for (Path script : scripts) {
                Files.setPosixFilePermissions(script, executable);
            }
        }
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // A leftover staging directory only costs disk space; its name marks it as unfinished.
        }
    }
}
