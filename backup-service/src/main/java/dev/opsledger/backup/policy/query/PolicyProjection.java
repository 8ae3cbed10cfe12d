package dev.opsledger.backup.policy.query;

import static dev.opsledger.platform.query.Projections.utc;

import dev.opsledger.backup.policy.api.BackupPolicyDefined;
import dev.opsledger.backup.policy.api.BackupPolicyRevised;
import dev.opsledger.backup.policy.api.BackupPolicySettings;
import dev.opsledger.platform.query.Projections;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Maintains {@code policy_view}: the current version of each policy. */
@Component
@ProcessingGroup("policy-view")
class PolicyProjection {

    private final JdbcClient jdbc;

    PolicyProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(BackupPolicyDefined event) {
        write(event.policyId(), event.targetId(), event.version(), event.settings(), event.definedAt());
    }

    @EventHandler
    void on(BackupPolicyRevised event) {
        write(event.policyId(), event.targetId(), event.version(), event.settings(), event.revisedAt());
    }

    private void write(String policyId, String targetId, int version, BackupPolicySettings s, Instant at) {
        var approval = s.restoreApproval();
        jdbc.sql("""
                        INSERT INTO policy_view (policy_id, target_id, version, cron, zone, keep_last, keep_daily,
                            keep_weekly, keep_monthly, rpo_s, verification_cron, verification_zone, required_approvals,
                            approver_roles, four_eyes, decision_timeout_s, serves_pre_deploy, missed_runs,
                            run_timeout_s, verification_check, defined_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (policy_id) DO UPDATE SET version = EXCLUDED.version, cron = EXCLUDED.cron,
                            zone = EXCLUDED.zone, keep_last = EXCLUDED.keep_last, keep_daily = EXCLUDED.keep_daily,
                            keep_weekly = EXCLUDED.keep_weekly, keep_monthly = EXCLUDED.keep_monthly,
                            rpo_s = EXCLUDED.rpo_s, verification_cron = EXCLUDED.verification_cron,
                            verification_zone = EXCLUDED.verification_zone,
                            required_approvals = EXCLUDED.required_approvals, approver_roles = EXCLUDED.approver_roles,
                            four_eyes = EXCLUDED.four_eyes, decision_timeout_s = EXCLUDED.decision_timeout_s,
                            serves_pre_deploy = EXCLUDED.serves_pre_deploy, missed_runs = EXCLUDED.missed_runs,
                            run_timeout_s = EXCLUDED.run_timeout_s, verification_check = EXCLUDED.verification_check,
                            updated_at = EXCLUDED.updated_at""")
                .params(policyId, targetId, version, s.schedule().cron(), s.schedule().zone(),
                        s.retention().keepLast(), s.retention().daily(), s.retention().weekly(),
                        s.retention().monthly(), s.rpo().toSeconds(), s.verification().cron(),
                        s.verification().zone(), approval.requiredApprovals(),
                        approval.approverRoles().stream().sorted().toArray(String[]::new), approval.fourEyes(),
                        approval.decisionTimeout().toSeconds(), s.servesPreDeploy(), s.missedRuns().name(),
                        s.runTimeout().toSeconds(), s.verificationCheck(), utc(at), utc(at))
                .update();
    }

    @ResetHandler
    void reset() {
        Projections.reset(jdbc, "policy_view");
    }
}
