package dev.opsledger.backup.target.command;

import dev.opsledger.backup.target.api.TargetLocation;

/** What other aggregates' commands read of a target inside their unit of work. */
public record TargetSnapshot(String targetId, String name, TargetLocation location) {
}
