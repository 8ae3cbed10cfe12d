package dev.opsledger.automation.run.execution;

import java.util.List;

/** Where running sessions are recorded so that they outlive the JVM that started them. */
interface RunSessionRecords {

    /** Called right after the leader started; the same run recorded again replaces its row. */
    void record(RunSession session);

    /** Called once none of the run's processes is left. */
    void forget(String runId);

    /** Every session still recorded, on any machine. */
    List<RunSession> all();
}
