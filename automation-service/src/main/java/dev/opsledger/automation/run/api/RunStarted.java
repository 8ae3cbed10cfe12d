package dev.opsledger.automation.run.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A worker started executing the inputs of {@code digest}. */
@Revision("1")
public record RunStarted(RunRef ref, String worker, String digest, Instant startedAt) implements RunEvent {
}
