package dev.opsledger.access.grant.api;

import dev.opsledger.platform.actor.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A reviewer's verdict on break-glass access: justified or not, with a comment. */
public record ReviewBreakGlass(@TargetAggregateIdentifier String grantId, Actor reviewer, boolean justified, String comment) {
}
