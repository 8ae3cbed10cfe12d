package dev.opsledger.backup.policy.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.opsledger.backup.policy.api.BackupPolicyDefined;
import dev.opsledger.backup.policy.api.BackupPolicyRevised;
import dev.opsledger.backup.policy.api.BackupPolicySettings;
import dev.opsledger.backup.policy.api.DefineBackupPolicy;
import dev.opsledger.backup.policy.api.RecordScheduledRunsMissed;
import dev.opsledger.backup.policy.api.ReviseBackupPolicy;
import dev.opsledger.backup.policy.api.ScheduledRunsMissed;
import dev.opsledger.platform.error.BusinessRuleViolation;
import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * How one target is protected. Every edit is a new version; the settings' own rules live in
 * {@link BackupPolicySettings} and its value objects, so this aggregate only keeps the story.
 */
@Aggregate
public class BackupPolicy {

    public static final String NOT_FOUND = "policy.not-found";
    public static final String TARGET_HAS_POLICY = "policy.target-has-policy";
    public static final String NOTHING_MISSED = "policy.nothing-missed";

    @AggregateIdentifier
    private String policyId;
    private String targetId;
    private int version;
    private BackupPolicySettings settings;

    protected BackupPolicy() {
        // For Axon: rebuilt from events.
    }

    @CommandHandler
    public BackupPolicy(DefineBackupPolicy command, PolicyTargets targets, Clock clock) {
        targets.requireTarget(command.targetId());
        if (!targets.claimTarget(command.targetId(), command.policyId())) {
            throw BusinessRuleViolation.conflict(TARGET_HAS_POLICY,
                    "Target " + command.targetId() + " has a policy already: revise that one");
        }
        apply(new BackupPolicyDefined(command.policyId(), command.targetId(), 1, command.settings(),
                command.definedBy(), clock.instant()));
    }

    @CommandHandler
    public void handle(ReviseBackupPolicy command, Clock clock) {
        apply(new BackupPolicyRevised(policyId, targetId, version + 1, command.settings(), command.revisedBy(),
                clock.instant()));
    }

    @CommandHandler
    public void handle(RecordScheduledRunsMissed command) {
        if (command.missed() < 1) {
            throw BusinessRuleViolation.unprocessable(NOTHING_MISSED, "Nothing was missed");
        }
        apply(new ScheduledRunsMissed(policyId, targetId, command.missed(), command.firstMissed(),
                command.lastMissed()));
    }

    public PolicySnapshot snapshot() {
        return new PolicySnapshot(policyId, targetId, version, settings);
    }

    @EventSourcingHandler
    void on(BackupPolicyDefined event) {
        policyId = event.policyId();
        targetId = event.targetId();
        version = event.version();
        settings = event.settings();
    }

    @EventSourcingHandler
    void on(BackupPolicyRevised event) {
        version = event.version();
        settings = event.settings();
    }
}
