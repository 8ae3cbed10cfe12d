package dev.opsledger.backup.driver;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.springframework.stereotype.Component;

/**
 * A directory as a tar.gz written in Java: regular files under {@code data/}, and a
 * {@code manifest.tsv} listing each file's SHA-256 and size, so a test restore can compare what
 * it extracted with what was read. Symlinks are not followed (a link could lead out of the root)
 * and not stored; extraction refuses entries that would land outside the destination.
 */
@Component
public class DirectoryDriver {

    static final String TOOL = "opsledger tar.gz (commons-compress)";
    static final String DATA = "data/";
    static final String MANIFEST = "manifest.tsv";

    public record Archive(long sizeBytes, String sha256, int files) {
    }

    Archive archive(Path directory, Path file) throws IOException, DriverFailure {
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            throw new DriverFailure(directory + " is not a directory");
        }
        Map<String, String> manifest = new TreeMap<>();
        Files.createDirectories(file.getParent());
        MessageDigest digest = Hashing.sha256();
        try (OutputStream raw = new DigestOutputStream(Files.newOutputStream(file), digest);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(
                     new GzipCompressorOutputStream(new BufferedOutputStream(raw)))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            Files.walkFileTree(directory, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path path, BasicFileAttributes attributes) throws IOException {
                    if (attributes.isRegularFile()) {
                        String name = directory.relativize(path).toString().replace('\\', '/');
                        TarArchiveEntry entry = new TarArchiveEntry(path.toFile(), DATA + name);
                        tar.putArchiveEntry(entry);
                        MessageDigest fileDigest = Hashing.sha256();
                        try (InputStream in = Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS)) {
                            in.transferTo(new DigestOutputStream(tar, fileDigest));
                        }
                        tar.closeArchiveEntry();
                        manifest.put(name, Hashing.hex(fileDigest) + "\t" + attributes.size());
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
            byte[] listing = manifestText(manifest).getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry entry = new TarArchiveEntry(MANIFEST);
            entry.setSize(listing.length);
            tar.putArchiveEntry(entry);
            tar.write(listing);
            tar.closeArchiveEntry();
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return new Archive(Files.size(file), Hashing.hex(digest), manifest.size());
    }

    /**
     * Extracts the data files into {@code destination} (created if missing) and checks each against
     * the manifest: same files, same SHA-256.
     *
     * @return how many files were restored
     */
    int extract(Path file, Path destination) throws IOException, DriverFailure {
        Path root = Files.createDirectories(destination).toRealPath();
        Map<String, String> extracted = new TreeMap<>();
        String manifest = null;
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new GzipCompressorInputStream(Files.newInputStream(file)))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                if (entry.getName().equals(MANIFEST)) {
                    manifest = new String(tar.readAllBytes(), StandardCharsets.UTF_8);
                } else if (entry.isFile() && entry.getName().startsWith(DATA)) {
                    String name = entry.getName().substring(DATA.length());
                    Path target = root.resolve(name).normalize();
                    if (!target.startsWith(root) || target.equals(root)) {
                        throw new DriverFailure("The archive holds an entry outside its folder: " + entry.getName());
                    }
                    Files.createDirectories(target.getParent());
                    MessageDigest fileDigest = Hashing.sha256();
                    try (OutputStream out = new DigestOutputStream(Files.newOutputStream(target), fileDigest)) {
                        tar.transferTo(out);
                    }
                    extracted.put(name, Hashing.hex(fileDigest) + "\t" + entry.getSize());
                }
            }
        }
        if (manifest == null) {
            throw new DriverFailure("The archive has no manifest");
        }
        if (!manifest.equals(manifestText(extracted))) {
            throw new DriverFailure("The extracted files differ from the archive's manifest");
        }
        return extracted.size();
    }

    /** Empties a folder without following symlinks, before the original target is restored over. */
    void empty(Path directory) throws IOException {
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                if (!path.equals(directory)) {
                    Files.delete(path);
                }
            }
        }
    }

    /** Every regular file under {@code directory} with its SHA-256: what a round trip must keep. */
    public static Map<String, String> checksums(Path directory) throws IOException {
        Map<String, String> sums = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                sums.put(directory.relativize(path).toString(), Hashing.sha256Of(path));
            }
        }
        return sums;
    }

    private static String manifestText(Map<String, String> entries) {
        StringBuilder text = new StringBuilder();
        entries.forEach((name, sum) -> text.append(sum).append('\t').append(name).append('\n'));
        return text.toString();
    }
}
