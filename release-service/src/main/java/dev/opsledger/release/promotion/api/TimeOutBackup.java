package dev.opsledger.release.promotion.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the saga when backup-service did not answer the pre-deploy backup in time. */
public record TimeOutBackup(@TargetAggregateIdentifier String promotionId) {
}
