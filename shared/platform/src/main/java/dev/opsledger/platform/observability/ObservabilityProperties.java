package dev.opsledger.platform.observability;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param structuredLogs JSON (ECS) console logs, on by default because log shippers parse them;
 *                       tests and local runs switch them off with
 *                       {@code opsledger.observability.structured-logs=false} for readable lines.
 * @param logFormat      the structured format: {@code ecs}, {@code logstash} or {@code gelf}.
 */
@ConfigurationProperties("opsledger.observability")
public record ObservabilityProperties(
        @DefaultValue("true") boolean structuredLogs,
        @DefaultValue("ecs") String logFormat) {
}
