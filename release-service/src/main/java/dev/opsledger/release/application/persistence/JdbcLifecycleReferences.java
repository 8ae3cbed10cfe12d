package dev.opsledger.release.application.persistence;

import dev.opsledger.release.application.command.LifecycleReferences;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the known references ({@code known_backup_policy}, {@code known_deploy_task}). */
@Component
class JdbcLifecycleReferences implements LifecycleReferences {

    private final JdbcClient jdbc;

    JdbcLifecycleReferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Boolean backupPolicyServesPreDeploy(String policyId) {
        return jdbc.sql("SELECT serves_pre_deploy FROM known_backup_policy WHERE policy_id = ?").param(policyId)
                .query(Boolean.class).optional().orElse(null);
    }

    @Override
    public boolean deployTaskKnown(String taskId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM known_deploy_task WHERE task_id = ?)").param(taskId)
                .query(Boolean.class).single();
    }
}
