package dev.opsledger.platform.kafka;

import org.axonframework.serialization.Revision;

/**
 * A request from another service was accepted but could not be carried out; stored in this
 * service's own history, with the request's metadata, and published as
 * {@link dev.opsledger.contracts.RequestFailed}.
 *
 * @param requestSource CloudEvent source of the request, i.e. the requesting service
 * @param reason        the stable code of the public answer
 */
@Revision("1")
public record IntegrationRequestFailed(String requestId, String requestType, String requestSource, String subject,
                                       String reason, String detail) {
}
