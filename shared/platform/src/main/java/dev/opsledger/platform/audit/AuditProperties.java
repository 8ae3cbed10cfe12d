package dev.opsledger.platform.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled          the audit log projection and endpoints; on unless a service has no
 *                         events of its own.
 * @param summaryMaxLength how many characters of the payload's JSON the trail keeps. Enough to
 *                         read what happened; the full payload stays in the event store.
 */
@ConfigurationProperties("opsledger.audit")
public record AuditProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1000") int summaryMaxLength) {

    public AuditProperties {
        if (summaryMaxLength < 16) {
            throw new IllegalArgumentException("opsledger.audit.summary-max-length must be at least 16");
        }
    }
}
