package dev.opsledger.access.grant.persistence;

import dev.opsledger.access.grant.command.AccessContext;
import dev.opsledger.access.grant.command.Grant;
import dev.opsledger.access.grant.command.GrantSnapshot;
import dev.opsledger.access.resource.command.Resource;
import dev.opsledger.access.resource.command.ResourceSnapshot;
import dev.opsledger.platform.axon.Aggregates;
import dev.opsledger.platform.persistence.ClaimTable;
import org.axonframework.modelling.command.Repository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads resources and grants from the event store (projections may lag) and claims the user's
 * slot on a resource, all in the unit of work and transaction of the command being handled.
 */
@Component
class AggregateAccessContext implements AccessContext {

    private final Repository<Resource> resources;
    private final Repository<Grant> grants;
    private final ClaimTable activeGrants;

    AggregateAccessContext(Repository<Resource> resources, Repository<Grant> grants, JdbcClient jdbc) {
        this.resources = resources;
        this.grants = grants;
        this.activeGrants = ActiveGrantClaims.table(jdbc);
    }

    @Override
    public ResourceSnapshot resource(String resourceId) {
        return Aggregates.stateOf(resources, resourceId, Resource::snapshot, RESOURCE_NOT_FOUND, "resource");
    }

    @Override
    public GrantSnapshot grant(String grantId) {
        return Aggregates.stateOf(grants, grantId, Grant::snapshot, GRANT_NOT_FOUND, "grant");
    }

    @Override
    public boolean claimGrant(String userId, String resourceId, String grantId) {
        return activeGrants.claim(grantId, userId, resourceId);
    }
}
