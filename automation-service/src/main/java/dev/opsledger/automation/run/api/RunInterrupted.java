package dev.opsledger.automation.run.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The service stopped while the run was running; it is closed, never silently lost. */
@Revision("1")
public record RunInterrupted(RunRef ref, String reason, Instant interruptedAt) implements RunEvent {
}
