package dev.opsledger.platform.audit;

import dev.opsledger.contracts.audit.ChainVerification;
import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.opsledger.contracts.audit.AuditQuery;
import dev.opsledger.contracts.audit.AuditEntry;
import dev.opsledger.contracts.audit.AuditPage;
import dev.opsledger.platform.core.paging.Cursor;
import dev.opsledger.platform.core.paging.Page;

import dev.opsledger.platform.error.InvalidInputException;

/** The service's audit trail, for auditors and admins (the gateway's {@code /api/audit} merges these). */
@RestController
@RequestMapping("/audit")
@PreAuthorize("hasAnyRole('auditor', 'admin')")
public class AuditLogController {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    private final AuditLogRepository repository;
    private final AuditChainVerifier verifier;
    private final String serviceName;

    public AuditLogController(AuditLogRepository repository, AuditChainVerifier verifier, String serviceName) {
        this.repository = repository;
        this.verifier = verifier;
        this.serviceName = serviceName;
    }

    @GetMapping
    public AuditPage find(
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(required = false) String aggregateId,
            @RequestParam(required = false) String aggregateType,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String correlationId,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "" + DEFAULT_LIMIT) @Min(1) @Max(MAX_LIMIT) int limit) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidInputException("to", "must be after from");
        }
        AuditQuery query = new AuditQuery(blankToNull(actor), from, to, blankToNull(aggregateId),
                blankToNull(aggregateType), blankToNull(type), blankToNull(correlationId));
        // Pages are ordered by time, then by global index (ties within one microsecond).
        List<AuditEntry> rows = repository.find(query, Cursor.decode(cursor, 2), limit + 1);
        Page<AuditEntry> page = Page.of(rows, limit, entry -> Cursor.of(entry.time(), entry.globalIndex()))
                .map(entry -> entry.withService(serviceName));
        return new AuditPage(page.entries(), page.nextCursor());
    }

    @GetMapping("/verify")
    public ChainVerification verify() {
        return verifier.verify();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
