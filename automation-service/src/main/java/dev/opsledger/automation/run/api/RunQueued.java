package dev.opsledger.automation.run.api;

import dev.opsledger.automation.task.api.Concurrency;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The run waits for a worker (and, for QUEUE tasks, for the task's running run to end). */
@Revision("1")
public record RunQueued(RunRef ref, Concurrency concurrency, Instant queuedAt) implements RunEvent {
}
