package dev.opsledger.release.application.api;

import dev.opsledger.platform.error.BusinessRuleViolation;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/** The ordered environments a release moves through, e.g. dev → qa → prod. */
public record Lifecycle(List<EnvironmentRules> environments) {

    public static final String INVALID = "application.invalid-lifecycle";
    public static final String UNKNOWN_ENVIRONMENT = "environment.unknown";

    public Lifecycle {
        environments = environments == null ? List.of() : List.copyOf(environments);
        if (environments.isEmpty()) {
            throw invalid("A lifecycle names at least one environment");
        }
        var names = new HashSet<String>();
        for (EnvironmentRules environment : environments) {
            if (!names.add(environment.name())) {
                throw invalid("Environment " + environment.name() + " appears twice");
            }
        }
    }

    public EnvironmentRules rulesFor(String environment) {
        return environments.stream().filter(e -> e.name().equals(environment)).findFirst()
                .orElseThrow(() -> BusinessRuleViolation.unprocessable(UNKNOWN_ENVIRONMENT,
                        "The lifecycle has no environment '" + environment + "'"));
    }

    /** The environment a release must have reached before {@code environment}, if any. */
    public Optional<String> previous(String environment) {
        int index = environments.indexOf(rulesFor(environment));
        return index == 0 ? Optional.empty() : Optional.of(environments.get(index - 1).name());
    }

    static BusinessRuleViolation invalid(String message) {
        return BusinessRuleViolation.unprocessable(INVALID, message);
    }
}
