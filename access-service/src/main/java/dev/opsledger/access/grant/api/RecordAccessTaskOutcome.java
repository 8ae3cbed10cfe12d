package dev.opsledger.access.grant.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * automation-service answered one of the grant's task requests: the run succeeded, failed, timed
 * out, was rejected or cancelled, or the request itself failed or was refused.
 *
 * @param runId    the task run, when there was one
 * @param outcome  {@code SUCCEEDED}, automation's outcome ({@code FAILED}, {@code TIMED_OUT}, …) or {@code REFUSED}
 * @param exitCode the run's exit code, if it ran
 * @param reason   why it did not succeed
 */
public record RecordAccessTaskOutcome(@TargetAggregateIdentifier String grantId, String requestId, String runId,
                                      boolean succeeded, String outcome, Integer exitCode, String reason) {

    /** How the answer reads in the grant's history and view. */
    public String summary() {
        StringBuilder text = new StringBuilder("task ").append(outcome);
        if (runId != null) {
            text.append(" (run ").append(runId).append(')');
        }
        if (exitCode != null) {
            text.append(", exit code ").append(exitCode);
        }
        if (reason != null && !reason.isBlank()) {
            text.append(": ").append(reason);
        }
        return text.toString();
    }
}
