package dev.opsledger.access.resource.reconcile;

import dev.opsledger.access.grant.api.GrantStatus;
import dev.opsledger.access.grant.command.AccessContext;
import dev.opsledger.access.grant.saga.Memberships;
import dev.opsledger.access.resource.api.AccessTarget;
import dev.opsledger.access.resource.api.ReconcileMembers;
import dev.opsledger.access.resource.api.RecordUnmanagedMemberRemoved;
import dev.opsledger.access.resource.command.Resource;
import dev.opsledger.platform.error.BusinessRuleViolation;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Compares who Keycloak holds in a resource's role or group with what this service gave:
 * <ul>
 *   <li>a member is accounted for when any resource with the same role or group holds a claim for
 *       them ({@code active_grant}: taken when access is requested or broken out, freed only after
 *       Keycloak confirmed the removal), so a grant being provisioned or removed is never drift;
 *       the claims are read before Keycloak, so a claim freed in between cannot look like drift;</li>
 *   <li>an active grant (the grant view) whose user Keycloak lacks is a missing membership.</li>
 * </ul>
 * The resource reports each change once and says whom to remove; the removal goes through the
 * same idempotent call as a grant's end (membership and sessions), and is retried by the next run
 * until Keycloak confirms.
 */
@Component
public class DriftReconciler {

    private static final Logger log = LoggerFactory.getLogger(DriftReconciler.class);

    private final JdbcClient jdbc;
    private final Memberships memberships;
    private final CommandGateway commands;

    DriftReconciler(JdbcClient jdbc, Memberships memberships, CommandGateway commands) {
        this.jdbc = jdbc;
        this.memberships = memberships;
        this.commands = commands;
    }

    /** Every Keycloak resource; one failing (Keycloak down, a role deleted) never stops the others. */
    public void reconcileAll() {
        List<String> resources = jdbc.sql("SELECT resource_id FROM resource_view WHERE kind <> ? ORDER BY resource_id")
                .param(AccessTarget.Kind.EXTERNAL.name()).query(String.class).list();
        for (String resourceId : resources) {
            try {
                reconcile(resourceId);
            } catch (RuntimeException e) {
                log.warn("Reconciling resource {} failed; the next run retries: {}", resourceId, e.getMessage());
            }
        }
    }

    public void reconcile(String resourceId) {
        AccessTarget.Kind kind = jdbc.sql("SELECT kind FROM resource_view WHERE resource_id = ?").param(resourceId)
                .query((row, n) -> AccessTarget.Kind.valueOf(row.getString("kind"))).optional()
                .orElseThrow(() -> BusinessRuleViolation.noSuch(AccessContext.RESOURCE_NOT_FOUND, "resource",
                        resourceId));
        if (!kind.isKeycloak()) {
            throw BusinessRuleViolation.conflict(Resource.NOT_RECONCILABLE, "Only Keycloak resources are reconciled");
        }
        AccessTarget target = new AccessTarget(kind, jdbc.sql("SELECT target_name FROM resource_view WHERE "
                + "resource_id = ?").param(resourceId).query(String.class).single(), null);
        Set<String> accountedFor = new HashSet<>(jdbc.sql("""
                        SELECT DISTINCT c.user_id FROM active_grant c JOIN resource_view r USING (resource_id)
                        WHERE r.kind = ? AND r.target_name = ?""")
                .params(target.kind().name(), target.name()).query(String.class).list());
        Set<String> active = new HashSet<>(jdbc.sql(
                        "SELECT user_id FROM grant_view WHERE resource_id = ? AND status = ?")
                .params(resourceId, GrantStatus.ACTIVE.name()).query(String.class).list());
        Set<String> members = memberships.members(target);

        Set<String> unmanaged = new HashSet<>(members);
        unmanaged.removeAll(accountedFor);
        Set<String> missing = new HashSet<>(active);
        missing.removeAll(members);
        Set<String> toRemove = commands.sendAndWait(new ReconcileMembers(resourceId, unmanaged, missing));
        for (String userId : toRemove) {
            memberships.remove(userId, target);
            commands.sendAndWait(new RecordUnmanagedMemberRemoved(resourceId, userId));
        }
    }
}
