package dev.opsledger.release.promotion.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the saga when the slot is open and the environment wants a backup before deploying. */
public record TakePreDeployBackup(@TargetAggregateIdentifier String promotionId) {
}
