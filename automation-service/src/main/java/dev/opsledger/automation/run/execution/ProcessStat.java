package dev.opsledger.automation.run.execution;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the kernel says of one process in {@code /proc/<pid>/stat}, reduced to what recognises a
 * run's processes: its session (field 6) and its start time in clock ticks since boot (field 22).
 * The ticks are compared rather than {@link ProcessHandle.Info#startInstant()}: the JDK derives
 * that instant from them and the boot time, which moves when the wall clock is stepped, while the
 * ticks of one process never change.
 */
record ProcessStat(long pid, char state, long session, long startTicks) {

    private static final Path PROC = Path.of("/proc");

    /** A zombie has ended: it only waits for its parent (or init) to collect its exit status. */
    boolean ended() {
        return state == 'Z' || state == 'X' || state == 'x';
    }

    /** The process now, or empty when there is no such process (or no {@code /proc}). */
    static Optional<ProcessStat> of(long pid) {
        try {
            return Optional.of(parse(pid, Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"))));
        } catch (IOException | RuntimeException gone) {
            return Optional.empty();
        }
    }

    /** Every process this machine's {@code /proc} shows now. */
    static List<ProcessStat> all() {
        List<ProcessStat> processes = new ArrayList<>();
        try (Stream<Path> entries = Files.list(PROC)) {
            entries.map(entry -> entry.getFileName().toString())
                    .filter(name -> !name.isEmpty() && name.chars().allMatch(Character::isDigit))
                    .forEach(name -> of(Long.parseLong(name)).ifPresent(processes::add));
        } catch (IOException unreadable) {
            throw new IllegalStateException("cannot list the processes in /proc: " + unreadable.getMessage(),
                    unreadable);
        }
        return processes;
    }

    /**
     * The command name (field 2) is in parentheses and may itself hold spaces and parentheses, so
     * the fields are counted from the last {@code ')'}: state is field 3, session field 6, start
     * time field 22.
     */
    static ProcessStat parse(long pid, String line) {
        String[] fields = line.substring(line.lastIndexOf(')') + 2).trim().split(" ");
        return new ProcessStat(pid, fields[0].charAt(0), Long.parseLong(fields[3]), Long.parseLong(fields[19]));
    }
}
