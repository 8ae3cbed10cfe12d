package dev.opsledger.access.request.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** Nobody decided before the deadline: the request ends without access. */
@Revision("1")
public record AccessRequestExpired(String requestId, String grantId, boolean extension, Instant deadline) {
}
