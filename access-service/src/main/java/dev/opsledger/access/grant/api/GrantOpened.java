package dev.opsledger.access.grant.api;

import dev.opsledger.access.resource.api.AccessTarget;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.axonframework.serialization.Revision;

/**
 * A grant exists and its membership is to be provisioned. Its clock has not started: the expiry
 * is set when provisioning succeeds ({@link GrantActivated}).
 *
 * @param requestId     the approved request, or {@code null} for break-glass
 * @param breakGlass    taken without approval; {@code reviewerRoles} review it by {@code reviewDeadline}
 * @param justification why (break-glass); a request's justification stays on the request
 */
@Revision("1")
public record GrantOpened(String grantId, String requestId, String resourceId, AccessTarget target, String userId,
                          String userName, Duration duration, List<String> approvers, boolean breakGlass,
                          String justification, Set<String> reviewerRoles, Instant reviewDeadline,
                          Instant openedAt) {
}
