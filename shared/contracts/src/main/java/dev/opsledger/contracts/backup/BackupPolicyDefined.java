package dev.opsledger.contracts.backup;

import dev.opsledger.contracts.IntegrationEvent;
import dev.opsledger.contracts.MessageType;
import dev.opsledger.contracts.OpsLedgerService;
import java.time.Instant;

/**
 * A backup policy was defined or given a new version. Other services keep the policies they may
 * refer to (a lifecycle's pre-deploy backup) from these events, without calling backup-service.
 *
 * @param policyId        the policy
 * @param targetId        the target it protects (the subject and Kafka key)
 * @param version         the version, from 1
 * @param servesPreDeploy whether another service may ask it for a backup (take-backup)
 * @param definedAt       when
 */
@MessageType(service = OpsLedgerService.BACKUP, name = "backup-policy-defined", version = 1)
public record BackupPolicyDefined(String policyId, String targetId, int version, boolean servesPreDeploy,
                                  Instant definedAt) implements IntegrationEvent {

    /** Keyed by target, like every backup event, so one target's story stays in order. */
    @Override
    public String subject() {
        return targetId;
    }
}
