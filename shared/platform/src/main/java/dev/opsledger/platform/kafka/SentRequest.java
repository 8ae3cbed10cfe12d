package dev.opsledger.platform.kafka;

/**
 * A request this service sent, as the answer consumer finds it again by the answer's request id.
 *
 * @param requestId   the id the answer names
 * @param requestType the CloudEvent type of the request, e.g. {@code dev.opsledger.backup.take-backup.v1}
 * @param requesterId the aggregate whose event asked: the answer becomes a command on it
 */
public record SentRequest(String requestId, String requestType, String requesterId) {
}
