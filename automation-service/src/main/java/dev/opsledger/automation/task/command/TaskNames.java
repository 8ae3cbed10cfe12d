package dev.opsledger.automation.task.command;

/** Task names are unique across tasks (ADR 003): a claim written in the command's transaction. */
public interface TaskNames {

    /** @return false when another task holds the name */
    boolean claim(String name, String taskId);

    /** Frees every name the task holds (before it claims its new one). */
    void releaseAll(String taskId);
}
