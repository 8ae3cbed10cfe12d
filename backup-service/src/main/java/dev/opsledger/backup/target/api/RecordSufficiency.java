package dev.opsledger.backup.target.api;

import java.time.Duration;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The scheduled check's finding for one target; the target records it only when the state changes. */
public record RecordSufficiency(@TargetAggregateIdentifier String targetId, SufficiencyState state, Duration rpo,
                                Instant lastGoodBackupAt) {
}
