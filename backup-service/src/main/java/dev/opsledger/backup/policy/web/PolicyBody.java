package dev.opsledger.backup.policy.web;

import dev.opsledger.backup.policy.api.BackupPolicySettings;
import dev.opsledger.backup.policy.api.CronSchedule;
import dev.opsledger.backup.policy.api.MissedRuns;
import dev.opsledger.backup.policy.api.Retention;
import dev.opsledger.platform.approval.ApprovalPolicy;
import dev.opsledger.platform.error.InvalidInputException;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.Set;

/** A policy's settings as clients send them; the rules are the domain's value objects'. */
record PolicyBody(@NotNull @Valid Schedule schedule, @NotNull @Valid RetentionBody retention,
                  @Schema(example = "PT1H") @NotNull Duration rpo, @NotNull @Valid Schedule verification,
                  @NotNull @Valid Approval restoreApproval, boolean servesPreDeploy,
                  @Schema(description = "CATCH_UP or RECORD_MISSED") MissedRuns missedRuns,
                  @Schema(example = "PT30M") Duration runTimeout,
                  @Size(max = 2000) String verificationCheck) {

    record Schedule(@Schema(example = "*/15 * * * *") @NotNull @Size(max = 200) String cron,
                    @Schema(example = "Europe/Berlin") @NotNull @Size(max = 64) String zone) {
    }

    record RetentionBody(@Min(0) @Max(Retention.MAX_COUNT) int keepLast, @Min(0) @Max(Retention.MAX_COUNT) int daily,
                         @Min(0) @Max(Retention.MAX_COUNT) int weekly, @Min(0) @Max(Retention.MAX_COUNT) int monthly) {
    }

    record Approval(@Min(1) @Max(10) int requiredApprovals, @NotEmpty @Size(max = 7) Set<@Size(max = 40) String> approverRoles,
                    boolean fourEyes, @Schema(example = "PT24H") @NotNull Duration decisionTimeout) {
    }

    /** Without an explicit timeout, a run may take this long. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofHours(1);

    BackupPolicySettings settings() {
        ApprovalPolicy approval;
        try {
            approval = new ApprovalPolicy(restoreApproval.requiredApprovals(), restoreApproval.approverRoles(),
                    restoreApproval.fourEyes(), restoreApproval.decisionTimeout());
        } catch (IllegalArgumentException invalid) {
            throw new InvalidInputException("restoreApproval", invalid.getMessage());
        }
        return new BackupPolicySettings(new CronSchedule(schedule.cron(), schedule.zone()),
                new Retention(retention.keepLast(), retention.daily(), retention.weekly(), retention.monthly()), rpo,
                new CronSchedule(verification.cron(), verification.zone()), approval, servesPreDeploy,
                missedRuns == null ? MissedRuns.CATCH_UP : missedRuns,
                runTimeout == null ? DEFAULT_TIMEOUT : runTimeout, verificationCheck);
    }
}
