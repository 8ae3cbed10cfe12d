package dev.opsledger.automation.run.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Sessions kept in memory, for unit tests of what runs and ends processes without a database. */
class MemorySessions implements RunSessionRecords {

    final Map<String, RunSession> sessions = new ConcurrentHashMap<>();
    final List<String> recorded = new ArrayList<>();

    @Override
    public synchronized void record(RunSession session) {
        sessions.put(session.runId(), session);
        recorded.add(session.runId());
    }

    @Override
    public void forget(String runId) {
        sessions.remove(runId);
    }

    @Override
    public List<RunSession> all() {
        return List.copyOf(sessions.values());
    }
}
