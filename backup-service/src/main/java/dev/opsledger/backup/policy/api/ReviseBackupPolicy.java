package dev.opsledger.backup.policy.api;

import dev.opsledger.platform.actor.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replaces a policy's settings; the policy's version goes up by one. */
public record ReviseBackupPolicy(@TargetAggregateIdentifier String policyId, BackupPolicySettings settings,
                                 Actor revisedBy) {
}
