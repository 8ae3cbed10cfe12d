package dev.opsledger.access.request.api;

import dev.opsledger.platform.actor.Actor;

public record ApproveAccessRequest(String requestId, Actor approver, String comment) {
}
