package dev.opsledger.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a running launcher tells {@code status}, {@code down} and {@code await-ready}: its pid, its
 * phase, and every process it started. Written atomically, so a reader never sees half a file.
 *
 * @param kafkaReaderConfig the file with the read-only {@code reader} principal's Kafka client settings
 *                          ({@link KafkaReaderConfig}), once Kafka is up; else null
 */
record StackState(long launcherPid, Phase phase, Instant startedAt, Instant readyAt, List<Entry> entries,
                  String kafkaReaderConfig) {

    StackState(long launcherPid, Phase phase, Instant startedAt, Instant readyAt, List<Entry> entries) {
        this(launcherPid, phase, startedAt, readyAt, entries, null);
    }

    enum Phase { STARTING, READY, FAILED, STOPPING }

    /**
     * One line of the status table. {@code pid} is null for what runs inside the launcher (Kafka);
     * {@code restarts} counts the launcher's restarts of a child that exited on its own, and
     * {@code gaveUp} says it crashed too often to be restarted again.
     */
    record Entry(String name, String url, Long pid, String log, int restarts, boolean gaveUp) {

        Entry(String name, String url, Long pid, String log) {
            this(name, url, pid, log, 0, false);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    StackState with(Phase next) {
        return new StackState(launcherPid, next, startedAt, next == Phase.READY ? Instant.now() : readyAt, entries,
                kafkaReaderConfig);
    }

    StackState with(List<Entry> nextEntries) {
        return new StackState(launcherPid, phase, startedAt, readyAt, List.copyOf(nextEntries), kafkaReaderConfig);
    }

    StackState withKafkaReaderConfig(Path file) {
        return new StackState(launcherPid, phase, startedAt, readyAt, entries, file.toString());
    }

    void write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temporary, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this));
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static Optional<StackState> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(Files.readString(file), StackState.class));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    boolean launcherAlive() {
        return ProcessHandle.of(launcherPid).map(ProcessHandle::isAlive).orElse(false);
    }
}
