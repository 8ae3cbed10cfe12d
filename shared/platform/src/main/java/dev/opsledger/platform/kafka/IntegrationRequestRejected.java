package dev.opsledger.platform.kafka;

import org.axonframework.serialization.Revision;

/**
 * A request from another service was not taken up (a type or version this service does not serve,
 * or data that does not fit it); stored in this service's own history and published as
 * {@link dev.opsledger.contracts.RequestRejected}.
 *
 * @param requestSource CloudEvent source of the request, i.e. the requesting service
 * @param reason        the stable code of the public answer
 */
@Revision("1")
public record IntegrationRequestRejected(String requestId, String requestType, String requestSource, String subject,
                                         String reason, String detail) {
}
