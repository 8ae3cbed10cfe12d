package dev.opsledger.automation.task.api;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One typed parameter of a task. A run's value arrives as text and is checked here; what passes
 * is the canonical text the process receives (as {@code OPSLEDGER_PARAM_<NAME>}) and the approval
 * digest covers. A {@code SECRET}'s value is the name of an environment variable of the service
 * (a reference): the value itself never enters an event, a log or Kafka.
 *
 * @param pattern   STRING only: the whole value must match (optional)
 * @param maxLength STRING only: at most this many characters (default {@value #DEFAULT_MAX_LENGTH})
 * @param min       INTEGER only (optional)
 * @param max       INTEGER only (optional)
 * @param values    ENUM only: the allowed values
 */
public record ParameterSpec(String name, ParameterType type, boolean required, String defaultValue, String pattern,
                            Integer maxLength, Long min, Long max, List<String> values) {

    public static final String INVALID_DEFINITION = "task.parameter-invalid";
    public static final String INVALID_VALUE = "run.parameter-invalid";
    public static final int DEFAULT_MAX_LENGTH = 1000;
    public static final int MAX_LENGTH_LIMIT = 32_768;
    /** Lower case, so {@code OPSLEDGER_PARAM_} plus its upper case is a portable variable name. */
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    /** What a secret reference may name: an environment variable of the service. */
    private static final Pattern REFERENCE = Pattern.compile("[A-Z][A-Z0-9_]{0,127}");

    public ParameterSpec {
        values = values == null ? List.of() : List.copyOf(values);
    }

    /** The environment variable the process reads the value from. */
    public String environmentVariable() {
        return "OPSLEDGER_PARAM_" + name.toUpperCase(Locale.ROOT);
    }

    /** Checks the definition of the parameter itself; {@code field} locates it in the request. */
    public void validate(String field) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw definition(field + ".name", "a parameter name is lower case letters, digits and '_' (max 63)");
        }
        if (type == null) {
            throw definition(field + ".type", "a parameter needs a type");
        }
        boolean stringOnly = pattern != null || maxLength != null;
        if (stringOnly && type != ParameterType.STRING) {
            throw definition(field + ".pattern", "pattern and maxLength apply to STRING parameters only");
        }
        if ((min != null || max != null) && type != ParameterType.INTEGER) {
            throw definition(field + ".min", "min and max apply to INTEGER parameters only");
        }
        if (min != null && max != null && min > max) {
            throw definition(field + ".min", "min is greater than max");
        }
        if (maxLength != null && (maxLength < 1 || maxLength > MAX_LENGTH_LIMIT)) {
            throw definition(field + ".maxLength", "maxLength must be between 1 and " + MAX_LENGTH_LIMIT);
        }
        if (pattern != null) {
            SpecViolations.plainText(pattern, INVALID_DEFINITION, field + ".pattern", 500);
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException broken) {
                throw definition(field + ".pattern", "not a regular expression: " + broken.getDescription());
            }
        }
        if (type == ParameterType.ENUM) {
            if (values.isEmpty() || values.size() > 100) {
                throw definition(field + ".values", "an ENUM parameter lists 1 to 100 values");
            }
            values.forEach(value -> SpecViolations.plainText(value, INVALID_DEFINITION, field + ".values", 200));
        } else if (!values.isEmpty()) {
            throw definition(field + ".values", "values apply to ENUM parameters only");
        }
        if (defaultValue != null) {
            try {
                canonical(defaultValue);
            } catch (RuntimeException wrong) {
                throw definition(field + ".defaultValue", "the default is not a valid value: " + wrong.getMessage());
            }
        }
    }

    /** The value a run gives (or the default), checked and canonical; null when optional and absent. */
    public String resolve(String given) {
        String value = given != null ? given : defaultValue;
        if (value == null) {
            if (required) {
                throw SpecViolations.invalid(MISSING, "parameters." + name, name + " is required");
            }
            return null;
        }
        return canonical(value);
    }

    public static final String MISSING = "run.parameter-missing";

    private String canonical(String value) {
        String field = "parameters." + name;
        if (value.indexOf('\0') >= 0) {
            // The one character no environment variable can carry.
            throw SpecViolations.invalid(INVALID_VALUE, field, name + " contains a NUL character");
        }
        return switch (type) {
            case STRING -> {
                int limit = maxLength == null ? DEFAULT_MAX_LENGTH : maxLength;
                if (value.length() > limit) {
                    throw SpecViolations.invalid(INVALID_VALUE, field, name + " is longer than " + limit);
                }
                if (pattern != null && !Pattern.compile(pattern).matcher(value).matches()) {
                    throw SpecViolations.invalid(INVALID_VALUE, field, name + " does not match " + pattern);
                }
                yield value;
            }
            case INTEGER -> {
                long number;
                try {
                    number = Long.parseLong(value.trim());
                } catch (NumberFormatException notANumber) {
                    throw SpecViolations.invalid(INVALID_VALUE, field, name + " is not a whole number");
                }
                if ((min != null && number < min) || (max != null && number > max)) {
                    throw SpecViolations.invalid(INVALID_VALUE, field, name + " must be between "
                            + (min == null ? "-∞" : min) + " and " + (max == null ? "∞" : max));
                }
                yield Long.toString(number);
            }
            case BOOLEAN -> switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "true" -> "true";
                case "false" -> "false";
                default -> throw SpecViolations.invalid(INVALID_VALUE, field, name + " is true or false");
            };
            case ENUM -> {
                if (!values.contains(value)) {
                    throw SpecViolations.invalid(INVALID_VALUE, field, name + " is one of " + values);
                }
                yield value;
            }
            case SECRET -> {
                if (!REFERENCE.matcher(value).matches()) {
                    throw SpecViolations.invalid(INVALID_VALUE, field,
                            name + " is a secret reference: the name of an environment variable (A-Z, 0-9, _)");
                }
                yield value;
            }
        };
    }

    private static RuntimeException definition(String field, String message) {
        return SpecViolations.invalid(INVALID_DEFINITION, field, message);
    }
}
