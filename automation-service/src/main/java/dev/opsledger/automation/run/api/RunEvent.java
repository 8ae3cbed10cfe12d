package dev.opsledger.automation.run.api;

/** Every event of a run; {@link #runId()} is what sagas and processors associate by. */
public interface RunEvent {

    RunRef ref();

    default String runId() {
        return ref().runId();
    }
}
