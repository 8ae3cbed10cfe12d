package dev.opsledger.automation.task.api;

/**
 * What operators allowed in configuration: executables (files, or directories whose files are
 * allowed) and {@code host:port} pairs. A definition naming anything else is refused when it is
 * defined, and the executors check again before they run.
 */
public interface ExecutorAllowList {

    /** {@code executable} is absolute and normalised. */
    boolean allowsExecutable(String executable);

    /** {@code host} lower case; {@code port} explicit (80/443 filled in for http/https). */
    boolean allowsHost(String host, int port);
}
