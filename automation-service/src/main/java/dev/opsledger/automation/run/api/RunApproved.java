package dev.opsledger.automation.run.api;

import java.util.List;
import org.axonframework.serialization.Revision;

/** The run has every approval it needs, for exactly the inputs of {@code digest}. */
@Revision("1")
public record RunApproved(RunRef ref, String digest, List<String> approvers) implements RunEvent {
}
