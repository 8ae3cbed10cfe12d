package dev.opsledger.access.resource.query;

import static dev.opsledger.platform.query.Projections.utc;

import dev.opsledger.access.resource.api.AccessRules;
import dev.opsledger.access.resource.api.AccessRulesChanged;
import dev.opsledger.access.resource.api.ResourceRegistered;
import dev.opsledger.platform.query.Projections;
import java.time.Instant;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Maintains {@code resource_view}. */
@Component
@ProcessingGroup(ResourceProjection.PROCESSING_GROUP)
class ResourceProjection {

    static final String PROCESSING_GROUP = "resource-view";

    private final JdbcClient jdbc;

    ResourceProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ResourceRegistered event, @Timestamp Instant at) {
        jdbc.sql("""
                        INSERT INTO resource_view (resource_id, name, description, owning_team, kind, target_name,
                            deprovision_task, required_approvals, approver_roles, four_eyes, decision_timeout_s,
                            max_duration_s, requester_roles, break_glass_roles, break_glass_duration_s, registered_at,
                            updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, 0, '{}', TRUE, 0, 0, '{}', NULL, NULL, ?, ?)""")
                .params(event.resourceId(), event.name(), event.description(), event.owningTeam(),
                        event.target().kind().name(), event.target().name(), event.target().deprovisionTask(),
                        utc(at), utc(at))
                .update();
        rules(event.resourceId(), event.rules(), at);
    }

    @EventHandler
    void on(AccessRulesChanged event, @Timestamp Instant at) {
        rules(event.resourceId(), event.rules(), at);
    }

    @ResetHandler
    void reset() {
        Projections.reset(jdbc, "resource_view");
    }

    private void rules(String resourceId, AccessRules rules, Instant at) {
        var policy = rules.approvalPolicy();
        var breakGlass = rules.breakGlass();
        jdbc.sql("""
                        UPDATE resource_view SET required_approvals = ?, approver_roles = ?, four_eyes = ?,
                            decision_timeout_s = ?, max_duration_s = ?, requester_roles = ?, break_glass_roles = ?,
                            break_glass_duration_s = ?, updated_at = ?
                        WHERE resource_id = ?""")
                .params(policy.requiredApprovals(), sorted(policy.approverRoles()), policy.fourEyes(),
                        policy.decisionTimeout().toSeconds(), rules.maxDuration().toSeconds(),
                        sorted(rules.requesterRoles()),
                        breakGlass == null ? null : sorted(breakGlass.roles()),
                        breakGlass == null ? null : breakGlass.duration().toSeconds(), utc(at), resourceId)
                .update();
    }

    private static String[] sorted(Set<String> values) {
        return values.stream().sorted().toArray(String[]::new);
    }
}
