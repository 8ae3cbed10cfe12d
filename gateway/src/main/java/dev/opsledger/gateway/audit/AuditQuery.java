package dev.opsledger.gateway.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The filters every service's {@code /audit} understands, passed through unchanged. */
public record AuditQuery(
        String actor,
        Instant from,
        Instant to,
        String aggregateId,
        String aggregateType,
        String type,
        String correlationId) {

    public static final AuditQuery ALL = new AuditQuery(null, null, null, null, null, null, null);

    /** Query parameters for a service call, only those set. */
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
