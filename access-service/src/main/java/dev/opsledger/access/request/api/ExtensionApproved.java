package dev.opsledger.access.request.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A request to extend {@code grantId} by {@code duration} has every approval it needs. */
@Revision("1")
public record ExtensionApproved(String requestId, String grantId, String resourceId, String userId, Duration duration,
                                List<String> approvers, Instant approvedAt) {
}
