package dev.opsledger.access.grant.api;

import dev.opsledger.access.resource.api.AccessTarget;
import java.time.Duration;
import java.util.List;

/** Sent by the grant saga once a request is approved: the grant begins provisioning. */
public record OpenGrant(String grantId, String requestId, String resourceId, AccessTarget target, String userId,
                        String userName, Duration duration, List<String> approvers) {
}
