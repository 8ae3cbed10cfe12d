package dev.opsledger.gateway.audit;

import dev.opsledger.contracts.audit.AuditPage;

import reactor.core.publisher.Mono;

import dev.opsledger.contracts.audit.AuditQuery;

/** A service's audit log, read page by page with its own opaque cursor. */
public interface AuditSource {

    String service();

    /** Up to {@code limit} entries after {@code cursor} (null: from the start). */
    Mono<AuditPage> fetch(AuditQuery query, String cursor, int limit);
}
