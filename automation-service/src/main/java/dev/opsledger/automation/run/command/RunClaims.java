package dev.opsledger.automation.run.command;

/**
 * One open run per task for tasks with concurrency {@code FORBID}: a claim written in the
 * request's transaction and freed in the transaction of the event that ends the run.
 */
public interface RunClaims {

    /** @return false when another open run of the task holds it */
    boolean claimExclusive(String taskId, String runId);
}
