package dev.opsledger.automation.run.api;

import dev.opsledger.automation.task.api.Concurrency;
import dev.opsledger.platform.approval.ApprovalPolicy;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The run waits for approvals bound to {@code digest} until {@code deadline}. */
@Revision("1")
public record RunAwaitingApproval(RunRef ref, Concurrency concurrency, ApprovalPolicy policy, String requesterId, Instant deadline, String digest) implements RunEvent {
}
