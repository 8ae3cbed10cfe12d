package dev.opsledger.access.resource.api;

import dev.opsledger.platform.actor.Actor;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ResourceRegistered(String resourceId, String name, String description, String owningTeam,
                                 AccessTarget target, AccessRules rules, Actor registeredBy) {
}
