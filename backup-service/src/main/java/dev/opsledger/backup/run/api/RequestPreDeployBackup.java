package dev.opsledger.backup.run.api;

import dev.opsledger.platform.actor.Actor;

/**
 * Another service asks for a backup of a policy's target before it changes something (a release's
 * pre-deploy backup). Refused when the policy does not serve such requests.
 *
 * @param runId     derived from the request id, so the same request never makes a second run
 * @param requestId the requester's idempotency key
 */
public record RequestPreDeployBackup(String runId, String policyId, String requestId, Actor requestedBy) {
}
