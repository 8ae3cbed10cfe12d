package dev.opsledger.platform.actor;

import java.util.Objects;
import java.util.Set;

/**
 * Who did something: the token subject, a readable name, and the realm roles the caller held at
 * that moment. Commands that need an authorisation decision inside the aggregate (approvals)
 * carry an {@code Actor}; everything else gets it from message metadata.
 */
public record Actor(String id, String name, Set<String> roles) {

    public static final String SYSTEM_ID = "system";

    public Actor {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("actor id must not be blank");
        }
        name = name == null || name.isBlank() ? id : name;
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    /** The platform itself acting, e.g. a saga reacting to a deadline. */
    public static Actor system(String component) {
        return new Actor(SYSTEM_ID, component, Set.of());
    }

    public boolean hasAnyRole(Set<String> wanted) {
        return wanted.stream().anyMatch(roles::contains);
    }
}
