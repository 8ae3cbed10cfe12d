package dev.opsledger.backup.policy.api;

import dev.opsledger.platform.actor.Actor;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A policy's first version ({@code version} 1). */
@Revision("1")
public record BackupPolicyDefined(String policyId, String targetId, int version, BackupPolicySettings settings,
                                  Actor definedBy, Instant definedAt) {
}
