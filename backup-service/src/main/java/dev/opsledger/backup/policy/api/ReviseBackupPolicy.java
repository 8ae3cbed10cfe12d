package dev.opsledger.backup.policy.api;

import dev.opsledger.platform.actor.Actor;

/** Replaces a policy's settings; the policy's version goes up by one. */
public record ReviseBackupPolicy(String policyId, BackupPolicySettings settings, Actor revisedBy) {
}
