package dev.opsledger.access.request.api;

import dev.opsledger.platform.actor.Actor;
import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record AccessRequestRejected(String requestId, String grantId, boolean extension, Actor rejectedBy,
                                    String reason, Instant rejectedAt) {
}
