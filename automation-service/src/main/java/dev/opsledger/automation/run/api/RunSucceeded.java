package dev.opsledger.automation.run.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The execution ended well (exit code 0, or an accepted HTTP status). */
@Revision("1")
public record RunSucceeded(RunRef ref, Integer exitCode, String detail, Instant finishedAt) implements RunEvent {
}
