package dev.opsledger.contracts.audit;

import java.util.List;

/** One page of a service's audit log; {@code nextCursor} is opaque, and null on the last page. */
public record AuditPage(List<AuditEntry> entries, String nextCursor) {

    public AuditPage {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }
}
