package dev.opsledger.automation.run.api;

/**
 * What every run event names: the run, its task and pinned version, and the id of the request
 * that asked for it when another service did (null otherwise), so that service can match answers.
 */
public record RunRef(String runId, String taskId, int version, String requestId) {
}
