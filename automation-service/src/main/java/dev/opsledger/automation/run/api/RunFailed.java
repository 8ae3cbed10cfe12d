package dev.opsledger.automation.run.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The execution ended badly; {@code exitCode} is the process's, or the HTTP status, or null. */
@Revision("1")
public record RunFailed(RunRef ref, Integer exitCode, String reason, Instant finishedAt) implements RunEvent {
}
