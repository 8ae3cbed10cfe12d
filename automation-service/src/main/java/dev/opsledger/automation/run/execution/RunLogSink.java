package dev.opsledger.automation.run.execution;

/** Where an execution writes its output, line by line. */
interface RunLogSink {

    void line(String text);

    /** Writes what has gathered if it has waited long enough. */
    void flushIfDue();

    void flush();
}
