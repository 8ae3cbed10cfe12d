package dev.opsledger.contracts.access;

import dev.opsledger.contracts.IntegrationEvent;
import dev.opsledger.contracts.MessageType;
import dev.opsledger.contracts.OpsLedgerService;
import java.time.Duration;
import java.time.Instant;

/**
 * Someone took immediate access without approval; the resource's approvers must review it by
 * the deadline.
 *
 * @param grantId the grant (the subject and Kafka key)
 * @param resourceId the resource
 * @param userId who holds the access (token subject)
 * @param justification why, in the taker's words
 * @param duration how long it lasts once provisioned (ISO-8601)
 * @param reviewDeadline when the review is due
 * @param openedAt when it was taken
 */
@MessageType(service = OpsLedgerService.ACCESS, name = "break-glass-used", version = 1)
public record BreakGlassUsed(String grantId, String resourceId, String userId, String justification,
                             Duration duration, Instant reviewDeadline,
                             Instant openedAt) implements IntegrationEvent {

    /** Keyed by grant: one grant's whole story (request to end) stays in order on one partition. */
    @Override
    public String subject() {
        return grantId;
    }
}
