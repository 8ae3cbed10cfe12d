package dev.opsledger.automation.run.query;

import java.util.List;

/**
 * A run's log from an offset: the chunks, where to continue ({@code nextOffset}), and whether the
 * run has ended (then nothing more will come).
 */
public record RunLog(String runId, List<LogChunk> chunks, long nextOffset, boolean finished) {
}
