package dev.opsledger.release.release.query;

import dev.opsledger.platform.query.Projections;
import dev.opsledger.platform.metadata.MetadataKeys;
import dev.opsledger.release.release.api.ReleaseCreated;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Maintains {@code release_view}. */
@Component
@ProcessingGroup("release-view")
class ReleaseProjection {

    private final JdbcClient jdbc;

    ReleaseProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ReleaseCreated event, @Timestamp Instant at, @MetaDataValue(MetadataKeys.ACTOR_ID) String actorId,
            @MetaDataValue(MetadataKeys.ACTOR_NAME) String actorName) {
        jdbc.sql("""
                        INSERT INTO release_view (release_id, application_id, version, commit_sha, artifact_reference,
                                                  notes, created_by_id, created_by, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(event.releaseId(), event.applicationId(), event.version(), event.commitSha(),
                        event.artifactReference(), event.notes(), actorId, actorName, Projections.utc(at))
                .update();
    }

    @ResetHandler
    void reset() {
        Projections.reset(jdbc, "release_view");
    }
}
