package dev.opsledger.backup.schedule;

import dev.opsledger.backup.policy.api.CronSchedule;
import dev.opsledger.backup.policy.api.MissedRuns;
import dev.opsledger.backup.policy.api.RecordScheduledRunsMissed;
import dev.opsledger.backup.policy.query.PolicyQueries;
import dev.opsledger.backup.policy.query.PolicyView;
import dev.opsledger.backup.run.api.RequestBackupRun;
import dev.opsledger.backup.run.api.RunTrigger;
import dev.opsledger.backup.run.api.VerifyBackupRun;
import dev.opsledger.backup.run.query.RunQueries;
import dev.opsledger.backup.run.query.RunView;
import dev.opsledger.platform.actor.Actor;
import dev.opsledger.platform.query.Projections;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Turns each policy's schedules into runs and test restores. It remembers the last slot it
 * handled per policy in {@code schedule_slot}, so after downtime it sees every slot that passed:
 * one slot runs; several are caught up by one run or recorded as {@code ScheduledRunsMissed},
 * as the policy chose. A slot's run id derives from the policy and the slot, so two instances
 * (or a retry) asking for the same slot get the same run, once.
 */
@Component
public class PolicyScheduler {

    static final String BACKUP = "backup";
    static final String VERIFICATION = "verification";
    static final Actor SCHEDULER = Actor.system("backup-scheduler");
    private static final int MAX_SLOTS = 100_000;
    private static final Logger log = LoggerFactory.getLogger(PolicyScheduler.class);

    private final PolicyQueries policies;
    private final RunQueries runs;
    private final CommandGateway commands;
    private final JdbcClient jdbc;

    PolicyScheduler(PolicyQueries policies, RunQueries runs, CommandGateway commands, JdbcClient jdbc) {
        this.policies = policies;
        this.runs = runs;
        this.commands = commands;
        this.jdbc = jdbc;
    }

    public static String runIdOf(String requestId) {
        return UUID.nameUUIDFromBytes(("backup-request:" + requestId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    public void tick(Instant now) {
        for (PolicyView policy : policies.all()) {
            try {
                backups(policy, now);
                verifications(policy, now);
            } catch (RuntimeException e) {
                log.warn("Schedule of policy {} not handled this time: {}", policy.policyId(), e.getMessage());
            }
        }
    }

    private void backups(PolicyView policy, Instant now) {
        Slots slots = slots(policy.policyId(), BACKUP, new CronSchedule(policy.cron(), policy.zone()), now);
        if (slots.count == 0) {
            return;
        }
        if (slots.count > 1 && MissedRuns.valueOf(policy.missedRuns()) == MissedRuns.RECORD_MISSED) {
            commands.sendAndWait(new RecordScheduledRunsMissed(policy.policyId(), slots.count, slots.first,
                    slots.latest));
        } else {
            String requestId = "schedule:" + policy.policyId() + ":" + slots.latest.getEpochSecond();
            send(new RequestBackupRun(runIdOf(requestId), policy.targetId(), RunTrigger.SCHEDULE, requestId,
                    SCHEDULER));
        }
        remember(policy.policyId(), BACKUP, slots.latest);
    }

    private void verifications(PolicyView policy, Instant now) {
        Slots slots = slots(policy.policyId(), VERIFICATION,
                new CronSchedule(policy.verificationCron(), policy.verificationZone()), now);
        if (slots.count == 0) {
            return;
        }
        Optional<RunView> newest = runs.lastGood(policy.targetId());
        newest.ifPresent(run -> send(new VerifyBackupRun(run.runId(), SCHEDULER)));
        remember(policy.policyId(), VERIFICATION, slots.latest);
    }

    private void send(Object command) {
        try {
            commands.sendAndWait(command);
        } catch (RuntimeException refused) {
            // A run still active, or the slot already asked for by another instance: nothing to add.
            log.info("Scheduled {} not taken: {}", command.getClass().getSimpleName(), refused.getMessage());
        }
    }

    private record Slots(int count, Instant first, Instant latest) {
    }

    private Slots slots(String policyId, String schedule, CronSchedule cron, Instant now) {
        Optional<Instant> last = jdbc.sql("SELECT last_slot FROM schedule_slot WHERE policy_id = ? AND schedule = ?")
                .params(policyId, schedule).query(java.sql.Timestamp.class).optional().map(java.sql.Timestamp::toInstant);
        if (last.isEmpty()) {
            // A new policy starts with the next slot, not with the ones before it existed.
            remember(policyId, schedule, now);
            return new Slots(0, null, null);
        }
        int count = 0;
        Instant first = null;
        Instant latest = null;
        for (Instant slot = cron.next(last.get()); !slot.isAfter(now) && count < MAX_SLOTS; slot = cron.next(slot)) {
            first = first == null ? slot : first;
            latest = slot;
            count++;
        }
        return new Slots(count, first, latest);
    }

    private void remember(String policyId, String schedule, Instant slot) {
        jdbc.sql("""
                        INSERT INTO schedule_slot (policy_id, schedule, last_slot) VALUES (?, ?, ?)
                        ON CONFLICT (policy_id, schedule) DO UPDATE SET last_slot = EXCLUDED.last_slot""")
                .params(policyId, schedule, Projections.utc(slot)).update();
    }
}
