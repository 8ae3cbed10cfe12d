package dev.opsledger.access.resource.api;

import dev.opsledger.platform.error.BusinessRuleViolation;
import java.util.regex.Pattern;

/**
 * What a grant gives: membership of a Keycloak realm role or group, or access to an external
 * system that automation-service provisions with two tasks, run through run-task requests (ADR 017).
 * Names are checked against Keycloak's own shape, so nothing odd reaches its admin API.
 *
 * @param name the realm role name, the group path ({@code /deployers}), or for {@code EXTERNAL}
 *             the provisioning task reference
 * @param deprovisionTask for {@code EXTERNAL} only: the task that takes the access away
 */
public record AccessTarget(Kind kind, String name, String deprovisionTask) {

    public static final String INVALID = "resource.invalid-target";

    private static final Pattern ROLE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Pattern GROUP_PATH = Pattern.compile("(/[A-Za-z0-9][A-Za-z0-9._ -]{0,99}){1,5}");
    private static final Pattern TASK = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,199}");

    public enum Kind {
        KEYCLOAK_REALM_ROLE,
        KEYCLOAK_GROUP,
        EXTERNAL;

        public boolean isKeycloak() {
            return this != EXTERNAL;
        }
    }

    public AccessTarget {
        if (kind == null) {
            throw invalid("A resource needs a kind");
        }
        switch (kind) {
            case KEYCLOAK_REALM_ROLE -> require(ROLE, name, "a realm role name");
            case KEYCLOAK_GROUP -> require(GROUP_PATH, name, "a group path like /deployers");
            case EXTERNAL -> {
                require(TASK, name, "a provisioning task reference");
                require(TASK, deprovisionTask, "a deprovisioning task reference");
            }
        }
        if (kind != Kind.EXTERNAL && deprovisionTask != null) {
            throw invalid("Only external resources have a deprovisioning task");
        }
    }

    public static AccessTarget realmRole(String role) {
        return new AccessTarget(Kind.KEYCLOAK_REALM_ROLE, role, null);
    }

    public static AccessTarget group(String path) {
        return new AccessTarget(Kind.KEYCLOAK_GROUP, path, null);
    }

    private static void require(Pattern pattern, String value, String what) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw invalid("Expected " + what + ", got " + (value == null ? "nothing" : "'" + value + "'"));
        }
    }

    private static BusinessRuleViolation invalid(String message) {
        return BusinessRuleViolation.unprocessable(INVALID, message);
    }
}
