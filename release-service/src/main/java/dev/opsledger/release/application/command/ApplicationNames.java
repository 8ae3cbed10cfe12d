package dev.opsledger.release.application.command;

/**
 * Keeps application names unique across aggregates. Implementations write in the transaction of
 * the command that registers the application, so a name is never taken twice, even by
 * concurrent requests.
 */
public interface ApplicationNames {

    /** Reserves {@code name} for {@code applicationId}; {@code false} when another application holds it. */
    boolean claim(String name, String applicationId);
}
