package dev.opsledger.access.request.api;

import dev.opsledger.platform.actor.Actor;

/** The requester withdraws a request that is still awaiting approval. */
public record CancelAccessRequest(String requestId, Actor cancelledBy) {
}
