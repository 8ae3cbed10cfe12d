package dev.opsledger.release.integration;

import dev.opsledger.contracts.automation.TaskDefined;
import dev.opsledger.contracts.backup.BackupPolicyDefined;
import dev.opsledger.platform.kafka.ForeignEventHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The local read model of the backup policies and tasks a lifecycle may refer to, kept from
 * backup-service's and automation-service's public events (ADR 041). A version never goes back, so a
 * replayed older event changes nothing.
 */
@Configuration(proxyBeanMethods = false)
class KnownReferences {

    @Bean
    ForeignEventHandler<BackupPolicyDefined> knownBackupPolicies(JdbcClient jdbc) {
        return ForeignEventHandler.of(BackupPolicyDefined.class, e -> jdbc.sql("""
                        INSERT INTO known_backup_policy (policy_id, target_id, version, serves_pre_deploy)
                        VALUES (:policy, :target, :version, :serves)
                        ON CONFLICT (policy_id) DO UPDATE SET target_id = EXCLUDED.target_id,
                            version = EXCLUDED.version, serves_pre_deploy = EXCLUDED.serves_pre_deploy
                        WHERE known_backup_policy.version < EXCLUDED.version""")
                .param("policy", e.policyId()).param("target", e.targetId()).param("version", e.version())
                .param("serves", e.servesPreDeploy()).update());
    }

    @Bean
    ForeignEventHandler<TaskDefined> knownDeployTasks(JdbcClient jdbc) {
        return ForeignEventHandler.of(TaskDefined.class, e -> jdbc.sql("""
                        INSERT INTO known_deploy_task (task_id, name, version, needs_approval)
                        VALUES (:task, :name, :version, :approval)
                        ON CONFLICT (task_id) DO UPDATE SET name = EXCLUDED.name, version = EXCLUDED.version,
                            needs_approval = EXCLUDED.needs_approval
                        WHERE known_deploy_task.version < EXCLUDED.version""")
                .param("task", e.taskId()).param("name", e.name()).param("version", e.version())
                .param("approval", e.needsApproval()).update());
    }
}
