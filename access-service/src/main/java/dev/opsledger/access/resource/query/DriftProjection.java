package dev.opsledger.access.resource.query;

import static dev.opsledger.platform.query.Projections.utc;

import dev.opsledger.access.resource.api.AccessDriftDetected;
import dev.opsledger.access.resource.api.AccessDriftResolved;
import dev.opsledger.access.resource.api.DriftKind;
import dev.opsledger.access.resource.api.UnmanagedMemberRemoved;
import dev.opsledger.platform.query.Projections;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Maintains {@code access_drift_view}: every disagreement found, open until resolved. */
@Component
@ProcessingGroup(DriftProjection.PROCESSING_GROUP)
class DriftProjection {

    static final String PROCESSING_GROUP = "access-drift-view";

    private final JdbcClient jdbc;

    DriftProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AccessDriftDetected event) {
        jdbc.sql("""
                        INSERT INTO access_drift_view (resource_id, user_id, kind, removing, detected_at)
                        VALUES (?, ?, ?, ?, ?)""")
                .params(event.resourceId(), event.userId(), event.kind().name(), event.removing(),
                        utc(event.detectedAt()))
                .update();
    }

    @EventHandler
    void on(UnmanagedMemberRemoved event) {
        jdbc.sql("""
                        UPDATE access_drift_view SET removed_at = ?
                        WHERE resource_id = ? AND user_id = ? AND kind = ? AND resolved_at IS NULL""")
                .params(utc(event.removedAt()), event.resourceId(), event.userId(), DriftKind.UNMANAGED_MEMBER.name())
                .update();
    }

    @EventHandler
    void on(AccessDriftResolved event) {
        jdbc.sql("""
                        UPDATE access_drift_view SET resolved_at = ?
                        WHERE resource_id = ? AND user_id = ? AND kind = ? AND resolved_at IS NULL""")
                .params(utc(event.resolvedAt()), event.resourceId(), event.userId(), event.kind().name())
                .update();
    }

    @ResetHandler
    void reset() {
        Projections.reset(jdbc, "access_drift_view");
    }
}
