package dev.opsledger.automation.run.execution;

import dev.opsledger.automation.run.api.RunInputs;
import dev.opsledger.automation.run.api.RunOutcome;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** How an executor runs a run's inputs. */
interface Execution {

    /**
     * @param secrets   parameter name → resolved secret value
     * @param stillWanted false once the run was cancelled: stop and kill
     */
    Result execute(String runId, RunInputs inputs, Map<String, String> secrets, RunLogSink log,
                   BooleanSupplier stillWanted);

    /** {@code outcome} null means cancelled: nothing to record, the run already ended. */
    record Result(RunOutcome outcome, Integer exitCode, String detail) {

        static Result cancelled() {
            return new Result(null, null, "cancelled");
        }
    }
}
