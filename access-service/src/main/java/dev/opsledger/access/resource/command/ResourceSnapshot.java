package dev.opsledger.access.resource.command;

import dev.opsledger.access.resource.api.AccessRules;
import dev.opsledger.access.resource.api.AccessTarget;

/** What an access request needs to know of a resource when it is made. */
public record ResourceSnapshot(String resourceId, String name, String owningTeam, AccessTarget target,
                               AccessRules rules) {
}
