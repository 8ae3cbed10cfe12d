package dev.opsledger.backup.target.query;

import static dev.opsledger.platform.query.Projections.utc;

import dev.opsledger.backup.target.api.SufficiencyChanged;
import dev.opsledger.backup.target.api.SufficiencyState;
import dev.opsledger.backup.target.api.TargetRegistered;
import dev.opsledger.platform.query.Projections;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Maintains {@code target_view}. */
@Component
@ProcessingGroup("target-view")
class TargetProjection {

    private final JdbcClient jdbc;

    TargetProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(TargetRegistered event) {
        var location = event.location();
        var pg = location.postgres();
        jdbc.sql("""
                        INSERT INTO target_view (target_id, name, kind, host, port, database, credentials_ref, path,
                            sufficiency, registered_by, registered_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (target_id) DO NOTHING""")
                .params(event.targetId(), event.name(), location.kind().name(), pg == null ? null : pg.host(),
                        pg == null ? null : pg.port(), pg == null ? null : pg.database(),
                        pg == null ? null : pg.credentialsRef(), location.directory(),
                        SufficiencyState.UNPROTECTED.name(), event.registeredBy().name(), utc(event.registeredAt()))
                .update();
    }

    @EventHandler
    void on(SufficiencyChanged event) {
        jdbc.sql("UPDATE target_view SET sufficiency = ? WHERE target_id = ?")
                .params(event.current().name(), event.targetId()).update();
    }

    @ResetHandler
    void reset() {
        Projections.reset(jdbc, "target_view");
    }
}
