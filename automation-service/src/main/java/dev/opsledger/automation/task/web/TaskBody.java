package dev.opsledger.automation.task.web;

import dev.opsledger.automation.task.api.Concurrency;
import dev.opsledger.automation.task.api.Executor;
import dev.opsledger.automation.task.api.HttpExecutor;
import dev.opsledger.automation.task.api.Misfire;
import dev.opsledger.automation.task.api.ParameterSpec;
import dev.opsledger.automation.task.api.ParameterType;
import dev.opsledger.automation.task.api.Schedule;
import dev.opsledger.automation.task.api.ShellExecutor;
import dev.opsledger.automation.task.api.TaskSpec;
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
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A task definition as clients send it; the aggregate checks every rule of the result. */
record TaskBody(
        @Schema(example = "deploy") @NotNull @Size(max = 63) String name,
        @Size(max = 2000) String description,
        @NotNull @Valid ExecutorBody executor,
        @Size(max = TaskSpec.MAX_PARAMETERS) List<@NotNull @Valid ParameterBody> parameters,
        @Schema(example = "PT10M") @NotNull Duration timeout,
        @NotNull Concurrency concurrency,
        @Schema(example = "[\"developer\", \"release-manager\"]") @NotEmpty @Size(max = 20) Set<@NotNull String> runRoles,
        @Valid ApprovalBody approval,
        @Valid ScheduleBody schedule) {

    enum Kind { SHELL, HTTP }

    @Schema(description = "SHELL: executable (absolute, allow-listed) and arguments. HTTP: method, url "
            + "(allow-listed host:port), headers, bodyTemplate with {{parameter}} placeholders (JSON-encoded), "
            + "successCodes (default: any 2xx).")
    record ExecutorBody(@NotNull Kind kind, String executable, @Size(max = ShellExecutor.MAX_ARGUMENTS) List<String> arguments,
                        String method, String url, @Size(max = 50) Map<String, String> headers, String bodyTemplate,
                        @Size(max = 50) Set<Integer> successCodes) {

        Executor toExecutor() {
            return switch (kind) {
                case SHELL -> new ShellExecutor(executable, arguments);
                case HTTP -> new HttpExecutor(method, url, headers, bodyTemplate, successCodes);
            };
        }
    }

    record ParameterBody(@NotNull String name, @NotNull ParameterType type, Boolean required, String defaultValue,
                         String pattern, Integer maxLength, Long min, Long max, @Size(max = 100) List<String> values) {

        ParameterSpec toSpec() {
            return new ParameterSpec(name, type, Boolean.TRUE.equals(required), defaultValue, pattern, maxLength, min, max, values);
        }
    }

    @Schema(description = "Four eyes always: the requester never approves their own run.")
    record ApprovalBody(@Min(1) @Max(10) int requiredApprovals, @NotEmpty Set<@NotNull String> approverRoles,
                        @Schema(example = "PT8H") @NotNull Duration decisionTimeout) {

        ApprovalPolicy toPolicy() {
            if (decisionTimeout.isNegative() || decisionTimeout.isZero() || decisionTimeout.toDays() > 90) {
                throw new InvalidInputException("approval.decisionTimeout", "must be positive and at most 90 days");
            }
            if (approverRoles.stream().anyMatch(String::isBlank)) {
                throw new InvalidInputException("approval.approverRoles", "must name roles");
            }
            return new ApprovalPolicy(requiredApprovals, approverRoles, true, decisionTimeout);
        }
    }

    record ScheduleBody(@Schema(example = "0 12 * * MON,WED") @NotNull String cron,
                        @Schema(example = "Europe/Berlin") @NotNull String zone, @NotNull Misfire misfire) {
    }

    TaskSpec toSpec() {
        return new TaskSpec(name, description, executor.toExecutor(),
                parameters == null ? List.of() : parameters.stream().map(ParameterBody::toSpec).toList(),
                timeout, concurrency, runRoles, approval == null ? null : approval.toPolicy(),
                schedule == null ? null : new Schedule(schedule.cron(), schedule.zone(), schedule.misfire()));
    }
}
