package dev.opsledger.access.grant.persistence;

import dev.opsledger.access.grant.api.GrantEnded;
import dev.opsledger.access.request.api.AccessRequestCancelled;
import dev.opsledger.access.request.api.AccessRequestExpired;
import dev.opsledger.access.request.api.AccessRequestRejected;
import dev.opsledger.platform.persistence.ClaimTable;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One open request-or-grant per user and resource ({@code active_grant}), held by the grant id.
 * Freed when a request for new access fails or the grant has ended, in a subscribing processor
 * so the claim goes in the transaction of the event that frees it (see the configuration).
 */
@Component
@ProcessingGroup(ActiveGrantClaims.PROCESSING_GROUP)
public class ActiveGrantClaims {

    public static final String PROCESSING_GROUP = "active-grant-claims";

    private final ClaimTable table;

    ActiveGrantClaims(JdbcClient jdbc) {
        this.table = table(jdbc);
    }

    static ClaimTable table(JdbcClient jdbc) {
        return ClaimTable.of(jdbc, "active_grant").keyedBy("user_id", "resource_id").heldBy("grant_id");
    }

    @EventHandler
    void on(AccessRequestRejected event) {
        if (!event.extension()) {
            table.release(event.grantId());
        }
    }

    @EventHandler
    void on(AccessRequestExpired event) {
        if (!event.extension()) {
            table.release(event.grantId());
        }
    }

    @EventHandler
    void on(AccessRequestCancelled event) {
        if (!event.extension()) {
            table.release(event.grantId());
        }
    }

    @EventHandler
    void on(GrantEnded event) {
        table.release(event.grantId());
    }
}
