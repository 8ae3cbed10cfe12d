package dev.opsledger.release.application.query;

import static dev.opsledger.platform.query.Projections.utc;

import dev.opsledger.platform.query.Projections;
import dev.opsledger.release.application.api.ApplicationRegistered;
import dev.opsledger.release.application.api.LifecycleDefined;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Maintains {@code application_view}. */
@Component
@ProcessingGroup("application-view")
class ApplicationProjection {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ApplicationProjection(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(ApplicationRegistered event, @Timestamp Instant at) {
        jdbc.sql("""
                        INSERT INTO application_view (application_id, name, owning_team, repository_url, registered_at)
                        VALUES (?, ?, ?, ?, ?)""")
                .params(event.applicationId(), event.name(), event.owningTeam(), event.repositoryUrl(), utc(at))
                .update();
    }

    @EventHandler
    void on(LifecycleDefined event) {
        jdbc.sql("UPDATE application_view SET lifecycle_version = ?, lifecycle = ?::jsonb WHERE application_id = ?")
                .params(event.version(), json.writeValueAsString(event.lifecycle().environments()),
                        event.applicationId())
                .update();
    }

    @ResetHandler
    void reset() {
        Projections.reset(jdbc, "application_view");
    }
}
