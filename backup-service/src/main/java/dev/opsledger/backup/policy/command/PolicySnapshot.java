package dev.opsledger.backup.policy.command;

import dev.opsledger.backup.policy.api.BackupPolicySettings;

/** A policy's current version, as runs and restores read it inside their unit of work. */
public record PolicySnapshot(String policyId, String targetId, int version, BackupPolicySettings settings) {
}
