package dev.opsledger.access.grant.api;

import dev.opsledger.platform.actor.Actor;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A person revokes a grant by hand.
 *
 * @param revokerTeams the teams the revoker belongs to (their token's {@code /teams/<team>} groups):
 *                     members of the resource's owning team may revoke its grants
 */
public record RevokeGrant(@TargetAggregateIdentifier String grantId, Actor revokedBy, Set<String> revokerTeams,
                          String reason) {
}
