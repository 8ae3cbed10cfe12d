package dev.opsledger.backup.restore.persistence;

import dev.opsledger.backup.driver.DirectoryRules;
import dev.opsledger.backup.policy.command.BackupPolicy;
import dev.opsledger.backup.restore.command.RestoreContext;
import dev.opsledger.backup.run.command.BackupRun;
import dev.opsledger.backup.run.command.RestorableRun;
import dev.opsledger.platform.approval.ApprovalPolicy;
import dev.opsledger.platform.axon.Aggregates;
import java.time.Duration;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/** The run and its policy read from the event store, inside the restore's unit of work. */
@Component
class AggregateRestoreContext implements RestoreContext {

    /** Targets without a policy: one approver, four eyes, a day to decide. */
    static final ApprovalPolicy DEFAULT_APPROVAL = ApprovalPolicy.fourEyes(1, Duration.ofHours(24), "approver");

    private final Repository<BackupRun> runs;
    private final Repository<BackupPolicy> policies;
    private final DirectoryRules directories;

    AggregateRestoreContext(Repository<BackupRun> runs, Repository<BackupPolicy> policies,
                            DirectoryRules directories) {
        this.runs = runs;
        this.policies = policies;
        this.directories = directories;
    }

    @Override
    public RestorableRun run(String runId) {
        return Aggregates.stateOf(runs, runId, BackupRun::restorable, BackupRun.NOT_FOUND, "backup run");
    }

    @Override
    public ApprovalPolicy approvalFor(String policyId) {
        if (policyId == null) {
            return DEFAULT_APPROVAL;
        }
        return Aggregates.stateOf(policies, policyId, policy -> policy.snapshot().settings().restoreApproval(),
                BackupPolicy.NOT_FOUND, "policy");
    }

    @Override
    public void checkNewDirectory(String path) {
        directories.check(path, "destination.name");
    }
}
