package dev.opsledger.access.grant.command;

import dev.opsledger.access.resource.command.ResourceSnapshot;

/**
 * What requests and grants read of other aggregates, and the one-grant-per-user-and-resource
 * claim, all inside the command's unit of work and transaction.
 */
public interface AccessContext {

    String RESOURCE_NOT_FOUND = "resource.not-found";
    String GRANT_NOT_FOUND = "grant.not-found";

    /** The resource as it is now, or a 404 {@value #RESOURCE_NOT_FOUND}. */
    ResourceSnapshot resource(String resourceId);

    /** The grant as it is now, or a 404 {@value #GRANT_NOT_FOUND}. */
    GrantSnapshot grant(String grantId);

    /**
     * Claims the one open request-or-grant of {@code userId} on {@code resourceId} for
     * {@code grantId}; freed when the request fails or the grant ends.
     *
     * @return false when another request or grant holds it
     */
    boolean claimGrant(String userId, String resourceId, String grantId);
}
