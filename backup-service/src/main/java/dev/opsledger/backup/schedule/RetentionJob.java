package dev.opsledger.backup.schedule;

import dev.opsledger.backup.policy.api.Retention;
import dev.opsledger.backup.policy.query.PolicyQueries;
import dev.opsledger.backup.policy.query.PolicyView;
import dev.opsledger.backup.run.api.ExpireBackupRun;
import dev.opsledger.backup.run.query.RunQueries;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Applies each policy's {@link Retention} to its target's backups. The arithmetic (GFS, the last
 * good backup, pinned runs) is the value object's; each expiry is a command the run may still
 * refuse (a restore pinned it meanwhile).
 */
@Component
public class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    private final PolicyQueries policies;
    private final RunQueries runs;
    private final CommandGateway commands;
    private final JdbcClient jdbc;

    RetentionJob(PolicyQueries policies, RunQueries runs, CommandGateway commands, JdbcClient jdbc) {
        this.policies = policies;
        this.runs = runs;
        this.commands = commands;
        this.jdbc = jdbc;
    }

    public void tick(Instant now) {
        Set<String> pinned = new HashSet<>(jdbc.sql("SELECT run_id FROM restore_pin").query(String.class).list());
        for (PolicyView policy : policies.all()) {
            var retention = new Retention(policy.keepLast(), policy.keepDaily(), policy.keepWeekly(),
                    policy.keepMonthly());
            List<Retention.Kept> backups = runs.unexpiredSuccesses(policy.targetId()).stream()
                    .map(run -> new Retention.Kept(run.runId(), run.completedAt(), !"FAILED".equals(run.verification())))
                    .toList();
            for (String runId : retention.toExpire(backups, pinned, ZoneId.of(policy.zone()))) {
                try {
                    commands.sendAndWait(new ExpireBackupRun(runId, "Retention of policy " + policy.policyId()
                            + " version " + policy.version()));
                } catch (RuntimeException refused) {
                    log.info("Run {} not expired: {}", runId, refused.getMessage());
                }
            }
        }
    }
}
