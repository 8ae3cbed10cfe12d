package dev.opsledger.automation.task.query;

import static dev.opsledger.platform.query.Projections.utc;

import dev.opsledger.automation.task.api.ScheduledRunMissed;
import dev.opsledger.automation.task.api.TaskDefined;
import dev.opsledger.automation.task.api.TaskRevised;
import dev.opsledger.automation.task.api.TaskSpec;
import dev.opsledger.platform.actor.Actor;
import dev.opsledger.platform.query.Projections;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Maintains {@code task_view}, every version in {@code task_version_view}, and the missed schedule fires. */
@Component
@ProcessingGroup(TaskProjection.PROCESSING_GROUP)
class TaskProjection {

    static final String PROCESSING_GROUP = "task-view";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    TaskProjection(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(TaskDefined event, @Timestamp Instant at) {
        jdbc.sql("""
                        INSERT INTO task_view (task_id, name, version, spec, defined_by, defined_at, updated_at)
                        VALUES (?, ?, ?, ?::jsonb, ?, ?, ?) ON CONFLICT (task_id) DO NOTHING""")
                .params(event.taskId(), event.spec().name(), event.version(), spec(event.spec()),
                        event.definedBy().name(), utc(at), utc(at))
                .update();
        version(event.taskId(), event.version(), event.spec(), event.definedBy(), at);
    }

    @EventHandler
    void on(TaskRevised event, @Timestamp Instant at) {
        jdbc.sql("UPDATE task_view SET name = ?, version = ?, spec = ?::jsonb, updated_at = ? WHERE task_id = ?")
                .params(event.spec().name(), event.version(), spec(event.spec()), utc(at), event.taskId())
                .update();
        version(event.taskId(), event.version(), event.spec(), event.revisedBy(), at);
    }

    @EventHandler
    void on(ScheduledRunMissed event) {
        jdbc.sql("""
                        INSERT INTO scheduled_run_missed_view (task_id, scheduled_for, version) VALUES (?, ?, ?)
                        ON CONFLICT DO NOTHING""")
                .params(event.taskId(), utc(event.scheduledFor()), event.version())
                .update();
    }

    @ResetHandler
    void reset() {
        Projections.reset(jdbc, "task_view", "task_version_view", "scheduled_run_missed_view");
    }

    private void version(String taskId, int version, TaskSpec spec, Actor by, Instant at) {
        jdbc.sql("""
                        INSERT INTO task_version_view (task_id, version, spec, defined_by, defined_at)
                        VALUES (?, ?, ?::jsonb, ?, ?) ON CONFLICT DO NOTHING""")
                .params(taskId, version, spec(spec), by.name(), utc(at))
                .update();
    }

    private String spec(TaskSpec spec) {
        return json.writeValueAsString(spec);
    }
}
