package dev.opsledger.release.environment.query;

import dev.opsledger.contracts.Person;
import java.time.Instant;

/**
 * One deployment outcome.
 *
 * @param outcome    {@code DEPLOYED} or {@code FAILED}
 * @param detail     the evidence link of a success, the reason of a failure
 * @param rollbackOf the release this deployment rolled back, if it was a rollback
 */
public record LedgerEntry(long entryId, String applicationId, String environment, String promotionId,
                          String releaseId, String version, String outcome, Person recordedBy, String detail,
                          String rollbackOf, Instant recordedAt) {
}
