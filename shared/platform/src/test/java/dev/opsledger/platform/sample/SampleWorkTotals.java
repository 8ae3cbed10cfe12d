package dev.opsledger.platform.sample;

import dev.opsledger.platform.axon.TokenOwner;
import dev.opsledger.platform.query.Projections;
import dev.opsledger.platform.sample.SampleMessages.SampleWorkRecorded;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A read model that may be split across instances: each {@code sample_work_total} row is written only
 * from the events of its own task, so two instances handling different tasks' events at once never
 * touch the same row out of order. The profile {@code platform-sample} splits it into two segments.
 * Each handled event also leaves a row naming the instance that handled it, for the tests to count.
 */
@Component
@ProcessingGroup(SampleWorkTotals.PROCESSING_GROUP)
public class SampleWorkTotals {

    public static final String PROCESSING_GROUP = "sample-work-totals";

    private final JdbcClient jdbc;
    private final TokenOwner owner;

    SampleWorkTotals(JdbcClient jdbc, TokenOwner owner) {
        this.jdbc = jdbc;
        this.owner = owner;
    }

    @EventHandler
    void on(SampleWorkRecorded event, EventMessage<?> message) {
        jdbc.sql("""
                        INSERT INTO sample_work_total (task_id, recorded, total) VALUES (?, 1, ?)
                        ON CONFLICT (task_id)
                        DO UPDATE SET recorded = sample_work_total.recorded + 1, total = EXCLUDED.total""")
                .params(event.taskId(), event.total())
                .update();
        jdbc.sql("INSERT INTO sample_work_projected (event_id, task_id, projected_by) VALUES (?, ?, ?)")
                .params(message.getIdentifier(), event.taskId(), owner.value())
                .update();
    }

    @ResetHandler
    void reset() {
        Projections.reset(jdbc, "sample_work_total", "sample_work_projected");
    }
}
