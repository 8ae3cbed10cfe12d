package dev.opsledger.access.request.api;

import dev.opsledger.access.resource.api.AccessTarget;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A request for new access has every approval it needs; the grant saga opens {@code grantId}.
 * Extensions end with {@link ExtensionApproved} instead.
 *
 * @param approvers names of the approvers, in order
 */
@Revision("1")
public record AccessRequestApproved(String requestId, String grantId, String resourceId, AccessTarget target,
                                    String userId, String userName, Duration duration, List<String> approvers,
                                    Instant approvedAt) {
}
