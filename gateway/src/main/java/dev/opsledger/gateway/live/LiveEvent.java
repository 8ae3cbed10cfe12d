package dev.opsledger.gateway.live;

/**
 * What a signed-in browser learns about one public event: which service, what happened, to which
 * aggregate, when. Never the payload: the portal re-reads through the API, where the services
 * check the caller's roles on each record.
 */
public record LiveEvent(String id, String service, String type, String subject, String time) {
}
