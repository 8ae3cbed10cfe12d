package dev.opsledger.contracts;

/**
 * Whoever did something, as every service's REST answers name them: the stable id (the token
 * subject, or {@code system:<service>} for a step the service took on its own) together with a
 * readable name, so a client neither has to look a name up nor match people by a name that may change.
 */
public record Person(String id, String name) {

    /** The person, or {@code null} when nobody is recorded (neither id nor name). */
    public static Person orNull(String id, String name) {
        return id == null && name == null ? null : new Person(id, name);
    }
}
