package dev.opsledger.backup.policy.persistence;

import dev.opsledger.backup.policy.command.PolicyTargets;
import dev.opsledger.backup.target.command.Target;
import dev.opsledger.platform.axon.Aggregates;
import dev.opsledger.platform.persistence.ClaimTable;
import org.axonframework.modelling.command.Repository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The target read from the event store; one policy per target claimed in {@code policy_target}. */
@Component
class AggregatePolicyTargets implements PolicyTargets {

    private final Repository<Target> targets;
    private final ClaimTable policyTargets;

    AggregatePolicyTargets(Repository<Target> targets, JdbcClient jdbc) {
        this.targets = targets;
        this.policyTargets = ClaimTable.of(jdbc, "policy_target").keyedBy("target_id").heldBy("policy_id");
    }

    @Override
    public void requireTarget(String targetId) {
        Aggregates.stateOf(targets, targetId, Target::snapshot, Target.NOT_FOUND, "target");
    }

    @Override
    public boolean claimTarget(String targetId, String policyId) {
        return policyTargets.claim(policyId, targetId);
    }
}
