package dev.opsledger.automation.task.api;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** How a task runs: a process from an allow-listed executable, or a call to an allow-listed host. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ShellExecutor.class, name = "shell"),
        @JsonSubTypes.Type(value = HttpExecutor.class, name = "http")})
public sealed interface Executor permits ShellExecutor, HttpExecutor {

    String NOT_ALLOWED = "task.executor-not-allowed";
    String INVALID = "task.executor-invalid";

    /** Checks the executor's own shape and that the operator's allow-list admits it. */
    void validate(ExecutorAllowList allowList);
}
