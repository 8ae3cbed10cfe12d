package dev.opsledger.contracts;

import java.time.Instant;

/**
 * A service accepted a request but could not carry it out: its command was refused by a rule, or
 * kept failing until the retries ran out. Published by the receiving service on its events topic
 * as {@code dev.opsledger.<service>.request-failed.v1}; the request itself then lies on
 * {@link OpsLedgerService#deadLetterTopic()} for the service's operators.
 *
 * @param requestId   the request's id
 * @param requestType the request's CloudEvent type, e.g. {@code dev.opsledger.backup.take-backup.v1}
 * @param subject     the aggregate the request was about, or the request id when it named none
 * @param reason      stable code: the code of the refusing rule (e.g. {@code backup.policy-unknown}),
 *                    or {@link #COMMAND_FAILED}
 * @param detail      for people; never needed to decide
 * @param failedAt    when the service gave up
 */
@CommonMessageType(name = "request-failed", version = 1)
public record RequestFailed(String requestId, String requestType, String subject, String reason, String detail,
                            Instant failedAt) implements IntegrationAnswer {

    /** The command failed for a reason that is not a rule of the domain (a fault, a missing aggregate). */
    public static final String COMMAND_FAILED = "command-failed";
}
