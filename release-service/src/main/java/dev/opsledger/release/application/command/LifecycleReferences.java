package dev.opsledger.release.application.command;

/**
 * What release-service knows of other services' backup policies and tasks, from their public events
 * (a local read model; no synchronous call between services). A lifecycle may refer only to those.
 */
public interface LifecycleReferences {

    /** {@code null} when no such policy was ever published; else whether it serves pre-deploy backups. */
    Boolean backupPolicyServesPreDeploy(String policyId);

    boolean deployTaskKnown(String taskId);
}
