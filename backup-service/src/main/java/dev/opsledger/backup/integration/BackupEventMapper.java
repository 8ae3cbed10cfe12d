package dev.opsledger.backup.integration;

import dev.opsledger.backup.policy.api.BackupPolicyDefined;
import dev.opsledger.backup.policy.api.BackupPolicyRevised;
import dev.opsledger.backup.policy.api.ScheduledRunsMissed;
import dev.opsledger.backup.restore.api.RestoreFailed;
import dev.opsledger.backup.restore.api.RestoreSucceeded;
import dev.opsledger.backup.run.api.BackupVerificationFailed;
import dev.opsledger.backup.run.api.BackupVerified;
import dev.opsledger.backup.target.api.SufficiencyChanged;
import dev.opsledger.contracts.IntegrationEvent;
import dev.opsledger.contracts.backup.RestoreCompleted;
import dev.opsledger.contracts.backup.RpoBreached;
import dev.opsledger.contracts.backup.RpoRestored;
import dev.opsledger.contracts.backup.ScheduledRunMissed;
import dev.opsledger.platform.kafka.IntegrationEventMapper;
import java.util.Optional;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

/**
 * Turns internal events into the public records of {@code dev.opsledger.contracts.backup} (a run's
 * outcome, which may answer a request, is declared in {@link BackupAnswers}). Steps
 * only the service cares about (requested, started, approvals, pins) stay private. Everything is
 * keyed by target, so one target's story stays in order; a sufficiency change is published only
 * when it enters or leaves {@code BREACHED}.
 */
@Component
class BackupEventMapper implements IntegrationEventMapper {

    @Override
    public Optional<? extends IntegrationEvent> map(EventMessage<?> message) {
        return Optional.ofNullable(switch (message.getPayload()) {
            case BackupPolicyDefined e -> new dev.opsledger.contracts.backup.BackupPolicyDefined(e.policyId(),
                    e.targetId(), e.version(), e.settings().servesPreDeploy(), e.definedAt());
            case BackupPolicyRevised e -> new dev.opsledger.contracts.backup.BackupPolicyDefined(e.policyId(),
                    e.targetId(), e.version(), e.settings().servesPreDeploy(), e.revisedAt());
            case BackupVerified e -> new dev.opsledger.contracts.backup.BackupVerified(e.runId(), e.targetId(),
                    e.detail(), e.verifiedAt());
            case BackupVerificationFailed e -> new dev.opsledger.contracts.backup.BackupVerificationFailed(e.runId(),
                    e.targetId(), e.reason(), e.failedAt());
            case SufficiencyChanged e when e.breached() -> new RpoBreached(e.targetId(), e.name(), e.rpo(),
                    e.lastGoodBackupAt(), e.assessedAt());
            case SufficiencyChanged e when e.restored() -> new RpoRestored(e.targetId(), e.name(),
                    e.current().name(), e.lastGoodBackupAt(), e.assessedAt());
            case ScheduledRunsMissed e -> new ScheduledRunMissed(e.policyId(), e.targetId(), e.missed(),
                    e.firstMissed(), e.lastMissed());
            case RestoreSucceeded e -> new RestoreCompleted(e.restoreId(), e.runId(), e.targetId(), true, e.detail(),
                    e.completedAt());
            case RestoreFailed e -> new RestoreCompleted(e.restoreId(), e.runId(), e.targetId(), false, e.reason(),
                    e.failedAt());
            default -> null;
        });
    }
}
