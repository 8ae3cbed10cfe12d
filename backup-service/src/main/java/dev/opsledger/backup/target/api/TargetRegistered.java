package dev.opsledger.backup.target.api;

import dev.opsledger.platform.actor.Actor;
import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record TargetRegistered(String targetId, String name, TargetLocation location, Actor registeredBy,
                               Instant registeredAt) {
}
