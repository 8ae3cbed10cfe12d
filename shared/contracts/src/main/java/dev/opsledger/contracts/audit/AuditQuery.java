package dev.opsledger.contracts.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Filters of every service's {@code GET /audit}; null means "any". {@code actor} matches the actor's id
 * or name; {@code from} is inclusive, {@code to} exclusive.
 */
public record AuditQuery(
        String actor,
        Instant from,
        Instant to,
        String aggregateId,
        String aggregateType,
        String type,
        String correlationId) {

    public static final AuditQuery ALL = new AuditQuery(null, null, null, null, null, null, null);

    /** The set filters as {@code GET /audit} query parameters, by the names the endpoint binds. */
    public Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        put(parameters, "actor", actor);
        put(parameters, "from", from == null ? null : from.toString());
        put(parameters, "to", to == null ? null : to.toString());
        put(parameters, "aggregateId", aggregateId);
        put(parameters, "aggregateType", aggregateType);
        put(parameters, "type", type);
        put(parameters, "correlationId", correlationId);
        return parameters;
    }

    private static void put(Map<String, String> parameters, String name, String value) {
        if (value != null && !value.isBlank()) {
            parameters.put(name, value);
        }
    }
}
