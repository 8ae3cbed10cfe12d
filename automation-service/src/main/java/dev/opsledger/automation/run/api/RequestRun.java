package dev.opsledger.automation.run.api;

import dev.opsledger.platform.actor.Actor;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks for a run of a task's current version. The run id is derived from the idempotency key
 * when there is one, so the same key reaches the same run and never makes a second.
 *
 * @param idempotencyKey the client's key, the request id of another service, or the fire time of
 *                       a schedule; null for none
 * @param requestId      the id of another service's request, so the answers carry it; else null
 */
public record RequestRun(@TargetAggregateIdentifier String runId, String taskId, Map<String, String> parameters,
                         Trigger trigger, Actor requestedBy, String idempotencyKey, String requestId) {
}
