package dev.opsledger.automation.run.execution;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One boot of one host: a pid means the same process only within it. The boot id changes at every
 * boot (a pid recorded before a reboot names nothing after it); the host name tells two
 * containers or hosts apart, which share a database but not their processes.
 */
record Machine(String bootId, String host) {

    /** This machine, or empty where the kernel does not tell (not Linux). */
    static Optional<Machine> current() {
        try {
            return Optional.of(new Machine(
                    Files.readString(Path.of("/proc/sys/kernel/random/boot_id")).trim(),
                    Files.readString(Path.of("/proc/sys/kernel/hostname")).trim()));
        } catch (IOException | RuntimeException unknown) {
            return Optional.empty();
        }
    }
}
