package dev.opsledger.backup.policy.api;

import dev.opsledger.platform.actor.Actor;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A new version of a policy; runs already under way keep the settings they started with. */
@Revision("1")
public record BackupPolicyRevised(String policyId, String targetId, int version, BackupPolicySettings settings,
                                  Actor revisedBy, Instant revisedAt) {
}
