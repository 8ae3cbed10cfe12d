package dev.opsledger.contracts.backup;

import dev.opsledger.contracts.IntegrationRequest;
import dev.opsledger.contracts.MessageType;
import dev.opsledger.contracts.OpsLedgerService;
import dev.opsledger.contracts.SentBy;

/**
 * Asks backup-service to back up the target of a policy now, e.g. before a release is deployed.
 * The request id is the idempotency key: the same id twice makes one run and one answer. The
 * answer is {@code backup-succeeded} or {@code backup-failed} carrying this request id, or
 * {@code request-failed} when the run can't be taken (reason {@code backup-policy.not-pre-deploy}
 * for a policy that does not serve such requests, {@code backup-run.already-running}, …).
 *
 * @param requestId   derived from the requester's aggregate and attempt, never random per send
 * @param policyId    the backup policy whose target is backed up
 * @param reason      why, for people (e.g. "before deploying shop 1.4.0 to prod")
 * @param requestedBy actor id of the person the requesting service acts for, or null
 */
@SentBy(OpsLedgerService.RELEASE)
@MessageType(service = OpsLedgerService.BACKUP, name = "take-backup", version = 1)
public record TakeBackup(String requestId, String policyId, String reason, String requestedBy)
        implements IntegrationRequest {

    @Override
    public String subject() {
        return policyId;
    }
}
