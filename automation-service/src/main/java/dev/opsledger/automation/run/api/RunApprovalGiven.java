package dev.opsledger.automation.run.api;

import dev.opsledger.platform.actor.Actor;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** One approver approved the inputs of {@code digest}. */
@Revision("1")
public record RunApprovalGiven(RunRef ref, Actor approver, String comment, Instant approvedAt, String digest, int stillNeeded) implements RunEvent {
}
