package dev.opsledger.automation.task.api;

import dev.opsledger.platform.approval.ApprovalPolicy;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One version of a task: everything a run pins. Validation is a method, not the constructor, so a
 * rule tightened later never makes an old event unreadable.
 *
 * @param runRoles       realm roles whose holders may start a run by hand
 * @param approvalPolicy null when runs need no approval
 * @param schedule       null when the task runs only on demand
 */
public record TaskSpec(String name, String description, Executor executor, List<ParameterSpec> parameters,
                       Duration timeout, Concurrency concurrency, Set<String> runRoles, ApprovalPolicy approvalPolicy,
                       Schedule schedule) {

    public static final String INVALID = "task.invalid";
    public static final String UNKNOWN_PARAMETER = "run.parameter-unknown";
    public static final String SCHEDULE_NEEDS_DEFAULTS = "task.schedule-needs-defaults";
    public static final Duration MAX_TIMEOUT = Duration.ofHours(24);
    public static final int MAX_PARAMETERS = 50;
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern ROLE = Pattern.compile("[a-z][a-z0-9-]{0,62}");

    public TaskSpec {
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
        runRoles = runRoles == null ? Set.of() : Set.copyOf(runRoles);
    }

    /** Checks every rule of a definition, the operator's allow-lists included. */
    public TaskSpec validated(ExecutorAllowList allowList) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw SpecViolations.invalid(INVALID, "name", "a task name is lower case letters, digits and '-' (max 63)");
        }
        if (description != null && description.length() > 2000) {
            throw SpecViolations.invalid(INVALID, "description", "at most 2000 characters");
        }
        if (executor == null) {
            throw SpecViolations.invalid(Executor.INVALID, "executor", "a task needs an executor");
        }
        executor.validate(allowList);
        if (parameters.size() > MAX_PARAMETERS) {
            throw SpecViolations.invalid(ParameterSpec.INVALID_DEFINITION, "parameters",
                    "at most " + MAX_PARAMETERS + " parameters");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < parameters.size(); i++) {
            ParameterSpec parameter = parameters.get(i);
            if (parameter == null) {
                throw SpecViolations.invalid(ParameterSpec.INVALID_DEFINITION, "parameters[" + i + "]", "is empty");
            }
            parameter.validate("parameters[" + i + "]");
            if (!names.add(parameter.name())) {
                throw SpecViolations.invalid(ParameterSpec.INVALID_DEFINITION, "parameters[" + i + "].name",
                        parameter.name() + " is declared twice");
            }
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw SpecViolations.invalid(INVALID, "timeout", "a timeout is positive and at most " + MAX_TIMEOUT);
        }
        if (concurrency == null) {
            throw SpecViolations.invalid(INVALID, "concurrency", "concurrency is ALLOW, FORBID or QUEUE");
        }
        if (runRoles.isEmpty() || runRoles.stream().anyMatch(role -> role == null || !ROLE.matcher(role).matches())) {
            throw SpecViolations.invalid(INVALID, "runRoles", "name at least one realm role that may run the task");
        }
        if (schedule != null) {
            schedule.validated();
            parameters.stream().filter(p -> p.required() && p.defaultValue() == null).findFirst().ifPresent(p -> {
                throw SpecViolations.invalid(SCHEDULE_NEEDS_DEFAULTS, "schedule",
                        "a scheduled run has no one to give " + p.name() + ": give it a default");
            });
        }
        return this;
    }

    /**
     * A run's values checked against the parameters: unknown names, missing required ones, wrong
     * types and ranges are refused. Returns the canonical values by name, defaults filled in.
     */
    public Map<String, String> resolve(Map<String, String> given) {
        Map<String, String> remaining = new HashMap<>(given == null ? Map.of() : given);
        Map<String, String> resolved = new TreeMap<>();
        for (ParameterSpec parameter : parameters) {
            String value = parameter.resolve(remaining.remove(parameter.name()));
            if (value != null) {
                resolved.put(parameter.name(), value);
            }
        }
        if (!remaining.isEmpty()) {
            String unknown = remaining.keySet().stream().sorted().findFirst().orElseThrow();
            throw SpecViolations.invalid(UNKNOWN_PARAMETER, "parameters." + unknown,
                    name + " has no parameter named " + unknown);
        }
        return resolved;
    }

    public boolean needsApproval() {
        return approvalPolicy != null;
    }
}
