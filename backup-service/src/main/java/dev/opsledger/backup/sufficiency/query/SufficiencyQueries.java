package dev.opsledger.backup.sufficiency.query;

import dev.opsledger.backup.policy.api.CronSchedule;
import dev.opsledger.backup.policy.query.PolicyQueries;
import dev.opsledger.backup.policy.query.PolicyView;
import dev.opsledger.backup.run.query.RunQueries;
import dev.opsledger.backup.run.query.RunView;
import dev.opsledger.backup.target.api.SufficiencyState;
import dev.opsledger.backup.target.query.TargetQueries;
import dev.opsledger.backup.target.query.TargetView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Judges every target from the read models: the last good backup against the RPO
 * ({@link SufficiencyState#assess}), and the last proof by test restore against the verification
 * schedule. A backup counts as good only while its file exists and it has not failed verification.
 */
@Component
public class SufficiencyQueries {

    private final TargetQueries targets;
    private final PolicyQueries policies;
    private final RunQueries runs;

    SufficiencyQueries(TargetQueries targets, PolicyQueries policies, RunQueries runs) {
        this.targets = targets;
        this.policies = policies;
        this.runs = runs;
    }

    public SufficiencyReport report(Instant now) {
        List<SufficiencyEntry> entries = targets.all().stream().map(target -> assess(target, now)).toList();
        return new SufficiencyReport(now, entries.size(), count(entries, SufficiencyState.COMPLIANT),
                count(entries, SufficiencyState.AT_RISK), count(entries, SufficiencyState.BREACHED),
                count(entries, SufficiencyState.UNPROTECTED), entries);
    }

    public SufficiencyEntry assess(TargetView target, Instant now) {
        Optional<PolicyView> policy = policies.ofTarget(target.targetId());
        Optional<RunView> lastGood = runs.lastGood(target.targetId());
        Optional<RunView> newest = runs.newestSuccess(target.targetId());
        Instant lastGoodAt = lastGood.map(RunView::completedAt).orElse(null);
        Duration rpo = policy.map(PolicyView::rpo).orElse(null);
        Instant lastVerified = runs.lastVerified(target.targetId()).map(RunView::verifiedAt).orElse(null);
        boolean overdue = policy.map(p -> lastVerified == null
                        || !new CronSchedule(p.verificationCron(), p.verificationZone()).next(lastVerified).isAfter(now))
                .orElse(false);
        return new SufficiencyEntry(target.targetId(), target.name(), target.kind(),
                SufficiencyState.assess(rpo, lastGoodAt, now).name(), policy.map(PolicyView::policyId).orElse(null),
                rpo, lastGoodAt, lastGoodAt == null ? null : Duration.between(lastGoodAt, now),
                lastGood.map(RunView::runId).orElse(null), lastVerified, overdue,
                newest.map(run -> "FAILED".equals(run.verification())).orElse(false));
    }

    private static int count(List<SufficiencyEntry> entries, SufficiencyState state) {
        return (int) entries.stream().filter(entry -> entry.state().equals(state.name())).count();
    }
}
