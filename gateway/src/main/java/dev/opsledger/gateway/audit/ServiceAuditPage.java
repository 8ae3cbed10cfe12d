package dev.opsledger.gateway.audit;

import java.util.List;

/** One service's page: its entries in its own order, and its opaque cursor for the next page. */
public record ServiceAuditPage(List<AuditEntry> entries, String nextCursor) {

    public ServiceAuditPage {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }
}
