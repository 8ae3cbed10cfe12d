package dev.opsledger.access.resource.api;

import dev.opsledger.platform.actor.Actor;
import org.axonframework.serialization.Revision;

@Revision("1")
public record AccessRulesChanged(String resourceId, AccessRules rules, Actor changedBy) {
}
