package dev.opsledger.access.grant.api;

import dev.opsledger.access.resource.api.AccessTarget;

/**
 * The two automation tasks of an external resource (ADR 017): one gives the access, the other takes
 * it away. Each names its part of the request id ({@code access:<grant>:provision:<attempt>}) and
 * the reason recorded when its answer never comes.
 */
public enum AccessTaskStep {
    PROVISION("provision"),
    DEPROVISION("deprovision");

    private final String id;

    AccessTaskStep(String id) {
        this.id = id;
    }

    /** The step's part of the request id. */
    public String id() {
        return id;
    }

    /** The reason recorded when the task's answer does not come in time, e.g. {@code provision-answer-missing}. */
    public String answerMissing() {
        return id + "-answer-missing";
    }

    /** The task the resource names for this step. */
    public String taskOf(AccessTarget target) {
        return this == PROVISION ? target.name() : target.deprovisionTask();
    }
}
