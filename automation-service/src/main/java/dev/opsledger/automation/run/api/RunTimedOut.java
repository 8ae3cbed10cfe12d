package dev.opsledger.automation.run.api;

import java.time.Duration;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The execution outlived its timeout and was killed (the whole process tree). */
@Revision("1")
public record RunTimedOut(RunRef ref, Duration timeout, Instant finishedAt) implements RunEvent {
}
