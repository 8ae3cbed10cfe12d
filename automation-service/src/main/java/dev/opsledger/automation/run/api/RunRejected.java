package dev.opsledger.automation.run.api;

import dev.opsledger.platform.actor.Actor;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An approver refused the run; it ends. */
@Revision("1")
public record RunRejected(RunRef ref, Actor rejectedBy, String reason, Instant rejectedAt) implements RunEvent {
}
