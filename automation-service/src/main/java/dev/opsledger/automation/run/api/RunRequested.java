package dev.opsledger.automation.run.api;

import dev.opsledger.automation.task.api.Concurrency;
import dev.opsledger.platform.actor.Actor;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A run was asked for, with exactly the inputs it will execute. */
@Revision("1")
public record RunRequested(RunRef ref, RunInputs inputs, Concurrency concurrency, String digest, Trigger trigger, Actor requestedBy, Instant requestedAt, String idempotencyKey) implements RunEvent {
}
