package dev.opsledger.release.promotion.query;

import dev.opsledger.contracts.Person;
import java.time.Instant;
import java.util.List;

/**
 * A promotion as the read side knows it.
 *
 * @param requiredApprovals {@code null} when the environment needs no approval
 * @param approvedBy        who approved so far, in order
 * @param outcomeBy         who ended it (rejected, cancelled, recorded the result), if anyone
 * @param outcomeDetail     the reason or evidence link that came with the end
 * @param backupRunId       backup-service's run of the pre-deploy backup, once it answered
 * @param backupSha256      that backup's checksum, when it succeeded
 * @param deployRunId       automation-service's run of the deploy task, once it answered
 */
public record PromotionView(String promotionId, String applicationId, String releaseId, String version,
                            String environment, String status, int lifecycleVersion, Person requestedBy,
                            Instant requestedAt, String rollbackOf, String reason,
                            Integer requiredApprovals, List<String> approverRoles, Boolean fourEyes,
                            Instant approvalDeadline, List<Person> approvedBy, Instant waitingUntil,
                            String waitReason, boolean freezeOverridden, Person outcomeBy, String outcomeDetail,
                            Instant updatedAt, String backupRunId, String backupSha256, String deployRunId) {
}
