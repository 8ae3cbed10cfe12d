package dev.opsledger.automation.run.execution;

import dev.opsledger.automation.run.api.RunInputs;
import java.util.HashMap;
import java.util.Map;

/**
 * Resolves a run's secret references from the service's environment, at execution time only:
 * the values live in the worker's memory for the length of the run, never in an event, a log
 * line or a Kafka record. Only variables with the configured prefix may be named, so a task
 * cannot read the service's own database password.
 */
public class Secrets {

    private final Map<String, String> environment;
    private final String prefix;

    public Secrets(Map<String, String> environment, String prefix) {
        this.environment = Map.copyOf(environment);
        this.prefix = prefix;
    }

    /** Parameter name → secret value, for the run's secret parameters. */
    public Map<String, String> resolve(RunInputs inputs) {
        Map<String, String> values = new HashMap<>();
        for (String parameter : inputs.secretParameters()) {
            String reference = inputs.parameters().get(parameter);
            String value = reference != null && reference.startsWith(prefix) ? environment.get(reference) : null;
            if (value == null) {
                throw new UnavailableSecret(parameter, reference);
            }
            values.put(parameter, value);
        }
        return values;
    }

    /** A reference outside the prefix, or to a variable that is not set. */
    public static final class UnavailableSecret extends RuntimeException {

        UnavailableSecret(String parameter, String reference) {
            super("secret parameter " + parameter + " names " + reference
                    + ", which is not an available secret of this service");
        }
    }
}
