package dev.opsledger.access.grant.saga;

import dev.opsledger.access.resource.api.AccessTarget;

/**
 * Where access really lives (Keycloak's realm roles and groups). Both calls are idempotent: adding
 * a membership the user has, or removing one they lack, succeeds, so a retry after a half-done
 * attempt is always safe. A failure throws; the saga records it and retries.
 */
public interface Memberships {

    void add(String userId, AccessTarget target);

    /** Removes the membership and ends the user's sessions, so no refresh brings the access back. */
    void remove(String userId, AccessTarget target);
}
