package dev.opsledger.access.request.api;

import dev.opsledger.platform.actor.Actor;

public record RejectAccessRequest(String requestId, Actor approver, String reason) {
}
