package dev.opsledger.automation.run.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** Nobody decided before the deadline; the run ends. */
@Revision("1")
public record RunApprovalExpired(RunRef ref, Instant deadline) implements RunEvent {
}
