package dev.opsledger.gateway.audit;

import dev.opsledger.contracts.audit.AuditEntry;

import java.util.List;

/**
 * The merged page. {@code nextCursor} is null only when every service is exhausted and none was
 * missing; {@code missing} names the services that could not be read for this page.
 */
public record AuditAnswer(List<AuditEntry> entries, String nextCursor, List<Missing> missing) {

    public record Missing(String service, String reason) {
    }
}
