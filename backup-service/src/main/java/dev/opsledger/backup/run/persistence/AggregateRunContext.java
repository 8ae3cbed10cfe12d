package dev.opsledger.backup.run.persistence;

import dev.opsledger.backup.policy.command.BackupPolicy;
import dev.opsledger.backup.policy.command.PolicySnapshot;
import dev.opsledger.backup.run.api.BackupJob;
import dev.opsledger.backup.run.command.RunContext;
import dev.opsledger.backup.target.command.Target;
import dev.opsledger.backup.target.command.TargetSnapshot;
import dev.opsledger.platform.axon.Aggregates;
import java.time.Duration;
import java.util.Optional;
import org.axonframework.modelling.command.Repository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Builds a run's job from the target and its policy as the event store has them now, and claims
 * the target's one active run, inside the run's own unit of work.
 */
@Component
class AggregateRunContext implements RunContext {

    /** A target without a policy is still backed up by hand; its runs get this much time. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofHours(1);

    private final Repository<Target> targets;
    private final Repository<BackupPolicy> policies;
    private final JdbcClient jdbc;

    AggregateRunContext(Repository<Target> targets, Repository<BackupPolicy> policies, JdbcClient jdbc) {
        this.targets = targets;
        this.policies = policies;
        this.jdbc = jdbc;
    }

    @Override
    public BackupJob jobFor(String targetId) {
        TargetSnapshot target = Aggregates.stateOf(targets, targetId, Target::snapshot, Target.NOT_FOUND, "target");
        Optional<String> policyId = jdbc.sql("SELECT policy_id FROM policy_target WHERE target_id = ?")
                .param(targetId).query(String.class).optional();
        if (policyId.isEmpty()) {
            return new BackupJob(targetId, target.name(), target.location(), null, 0, DEFAULT_TIMEOUT, null);
        }
        PolicySnapshot policy = Aggregates.stateOf(policies, policyId.get(), BackupPolicy::snapshot,
                BackupPolicy.NOT_FOUND, "policy");
        return new BackupJob(targetId, target.name(), target.location(), policy.policyId(), policy.version(),
                policy.settings().runTimeout(), policy.settings().verificationCheck());
    }

    @Override
    public BackupJob jobForPolicy(String policyId) {
        return jobFor(policy(policyId).targetId());
    }

    @Override
    public boolean servesPreDeploy(String policyId) {
        return policy(policyId).settings().servesPreDeploy();
    }

    private PolicySnapshot policy(String policyId) {
        return Aggregates.stateOf(policies, policyId, BackupPolicy::snapshot, BackupPolicy.NOT_FOUND, "policy");
    }

    @Override
    public boolean claimTarget(String targetId, String runId) {
        return ActiveRunClaims.table(jdbc).claim(runId, targetId);
    }

    @Override
    public boolean isPinnedByRestore(String runId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM restore_pin WHERE run_id = ?)").param(runId)
                .query(Boolean.class).single();
    }
}
