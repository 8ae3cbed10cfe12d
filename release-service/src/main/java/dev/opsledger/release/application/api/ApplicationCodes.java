package dev.opsledger.release.application.api;

/**
 * The stable codes of the application rules, as problem details carry them: the aggregate raises
 * them, controllers and OpenAPI name them, tests assert them. One constant per code.
 * ({@link Lifecycle} keeps the codes of the lifecycle's own rules.)
 */
public final class ApplicationCodes {

    public static final String NOT_FOUND = "application.not-found";
    public static final String NAME_TAKEN = "application.name-taken";
    public static final String INVALID = "application.invalid";
    /** A lifecycle names a backup policy backup-service never published. */
    public static final String BACKUP_POLICY_UNKNOWN = "lifecycle.backup-policy-unknown";
    /** A lifecycle names a backup policy that does not take backups for other services. */
    public static final String BACKUP_POLICY_NOT_PRE_DEPLOY = "lifecycle.backup-policy-not-pre-deploy";
    /** A lifecycle names a deploy task automation-service never published. */
    public static final String DEPLOY_TASK_UNKNOWN = "lifecycle.deploy-task-unknown";

    private ApplicationCodes() {
    }
}
