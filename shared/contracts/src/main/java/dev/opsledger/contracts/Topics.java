package dev.opsledger.contracts;

/** Topic names as constants, for annotations and configuration that need compile-time strings. */
public final class Topics {

    public static final String RELEASE_EVENTS = "opsledger.release.events";
    public static final String RELEASE_REQUESTS = "opsledger.release.requests";
    public static final String RELEASE_REQUESTS_DLT = "opsledger.release.requests.dlt";
    public static final String ACCESS_EVENTS = "opsledger.access.events";
    public static final String ACCESS_REQUESTS = "opsledger.access.requests";
    public static final String ACCESS_REQUESTS_DLT = "opsledger.access.requests.dlt";
    public static final String BACKUP_EVENTS = "opsledger.backup.events";
    public static final String BACKUP_REQUESTS = "opsledger.backup.requests";
    public static final String BACKUP_REQUESTS_DLT = "opsledger.backup.requests.dlt";
    public static final String AUTOMATION_EVENTS = "opsledger.automation.events";
    public static final String AUTOMATION_REQUESTS = "opsledger.automation.requests";
    public static final String AUTOMATION_REQUESTS_DLT = "opsledger.automation.requests.dlt";
    /**
     * Every service's signed audit checkpoints ({@link dev.opsledger.contracts.audit.AuditCheckpoint}),
     * keyed by service; services only append, and it is never compacted or expired.
     */
    public static final String AUDIT_CHECKPOINTS = "opsledger.audit.checkpoints";

    private Topics() {
    }
}
