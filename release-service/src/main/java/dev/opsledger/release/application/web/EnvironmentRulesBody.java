package dev.opsledger.release.application.web;

import dev.opsledger.platform.approval.ApprovalPolicy;
import dev.opsledger.release.application.api.DeploymentWindow;
import dev.opsledger.release.application.api.EnvironmentRules;
import dev.opsledger.release.application.api.FreezePeriod;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.hibernate.validator.constraints.time.DurationMin;

/** One environment of a lifecycle, as clients send and read it. */
@Schema(description = "The rules of one environment: approvals, deployment windows, freezes, references.")
public record EnvironmentRulesBody(
        @Schema(example = "qa") @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{0,39}") String name,
        @Schema(description = "Who must approve; omit when the environment needs no approval.") @Valid
        Approval approval,
        @Schema(description = "When deployments may start; none means at any time.")
        List<@Valid @NotNull Window> windows,
        @Schema(description = "When nothing may be deployed unless an admin overrides it.")
        List<@Valid @NotNull Freeze> freezes,
        @Schema(description = "backup-service policy whose backup is taken before deploying.")
        String backupPolicyRef,
        @Schema(description = "automation-service task that deploys; without one a release manager confirms the result.") String deployTaskRef,
        @Schema(description = "How long a deployment may go unconfirmed before it counts as failed (ISO-8601).",
                example = "PT4H") @DurationMin(seconds = 1) Duration resultTimeout) {

    public record Approval(
            @Schema(example = "2") @Min(1) int requiredApprovals,
            @Schema(example = "[\"approver\"]") @NotEmpty Set<@NotBlank String> approverRoles,
            @Schema(description = "The requester may not approve their own promotion.") boolean fourEyes,
            @Schema(example = "PT8H") @NotNull @DurationMin(seconds = 1) Duration decisionTimeout) {
    }

    @Schema(description = "Weekly window in local time, e.g. Mon and Wed 12:00–15:00 Europe/Berlin.")
    public record Window(
            @Schema(example = "[\"MONDAY\", \"WEDNESDAY\"]") @NotEmpty Set<@NotNull DayOfWeek> days,
            @Schema(type = "string", example = "12:00") @NotNull LocalTime from,
            @Schema(type = "string", example = "15:00") @NotNull LocalTime to,
            @Schema(type = "string", example = "Europe/Berlin") @NotNull ZoneId zone) {
    }

    public record Freeze(@NotNull Instant from, @NotNull Instant to, @NotBlank String reason) {
    }

    EnvironmentRules toDomain() {
        return new EnvironmentRules(name,
                approval == null ? null : new ApprovalPolicy(approval.requiredApprovals(), approval.approverRoles(),
                        approval.fourEyes(), approval.decisionTimeout()),
                windows == null ? List.of() : windows.stream()
                        .map(w -> new DeploymentWindow(w.days(), w.from(), w.to(), w.zone())).toList(),
                freezes == null ? List.of() : freezes.stream()
                        .map(f -> new FreezePeriod(f.from(), f.to(), f.reason())).toList(),
                backupPolicyRef, deployTaskRef, resultTimeout);
    }

    static EnvironmentRulesBody from(EnvironmentRules rules) {
        ApprovalPolicy policy = rules.approvalPolicy();
        return new EnvironmentRulesBody(rules.name(),
                policy == null ? null : new Approval(policy.requiredApprovals(), policy.approverRoles(),
                        policy.fourEyes(), policy.decisionTimeout()),
                rules.windows().stream().map(w -> new Window(w.days(), w.from(), w.to(), w.zone())).toList(),
                rules.freezes().stream().map(f -> new Freeze(f.from(), f.to(), f.reason())).toList(),
                rules.backupPolicyRef(), rules.deployTaskRef(), rules.resultTimeout());
    }
}
