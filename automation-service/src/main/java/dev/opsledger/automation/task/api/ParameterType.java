package dev.opsledger.automation.task.api;

/** What a task parameter holds; {@code SECRET} holds a reference, never the value. */
public enum ParameterType {
    STRING,
    INTEGER,
    BOOLEAN,
    ENUM,
    SECRET
}
