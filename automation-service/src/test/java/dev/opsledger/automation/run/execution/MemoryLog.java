package dev.opsledger.automation.run.execution;

import java.util.ArrayList;
import java.util.List;

/** A log kept in memory, for executor tests. */
class MemoryLog implements RunLogSink {

    final List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());

    @Override
    public void line(String text) {
        lines.add(text);
    }

    @Override
    public void flushIfDue() {
    }

    @Override
    public void flush() {
    }

    String text() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }
}
