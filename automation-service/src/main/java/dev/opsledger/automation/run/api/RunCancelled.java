package dev.opsledger.automation.run.api;

import dev.opsledger.platform.actor.Actor;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** Someone cancelled the run; a running process is killed. */
@Revision("1")
public record RunCancelled(RunRef ref, Actor cancelledBy, String reason, boolean wasRunning, Instant cancelledAt) implements RunEvent {
}
