package dev.opsledger.automation.run.api;

import java.util.Arrays;
import java.util.List;

/** The one list of a run's states; everything else asks it whether a state is open or final. */
public enum RunStatus {
    REQUESTED,
    AWAITING_APPROVAL,
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED,
    TIMED_OUT,
    CANCELLED,
    INTERRUPTED,
    REJECTED,
    EXPIRED;

    public boolean isFinished() {
        return switch (this) {
            case REQUESTED, AWAITING_APPROVAL, QUEUED, RUNNING -> false;
            case SUCCEEDED, FAILED, TIMED_OUT, CANCELLED, INTERRUPTED, REJECTED, EXPIRED -> true;
        };
    }

    /** The names of the open states, for queries that list what is still going on. */
    public static List<String> openNames() {
        return Arrays.stream(values()).filter(status -> !status.isFinished()).map(Enum::name).toList();
    }
}
