package dev.opsledger.backup.policy.api;

import dev.opsledger.platform.actor.Actor;

/** Protects a target: one policy per target. */
public record DefineBackupPolicy(String policyId, String targetId, BackupPolicySettings settings, Actor definedBy) {
}
