package dev.opsledger.automation.task.persistence;

import dev.opsledger.automation.task.command.TaskNames;
import dev.opsledger.platform.persistence.ClaimTable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Task names in {@code task_name}, claimed in the transaction of the event that takes them. */
@Component
class JdbcTaskNames implements TaskNames {

    private final ClaimTable table;

    JdbcTaskNames(JdbcClient jdbc) {
        this.table = ClaimTable.of(jdbc, "task_name").keyedBy("name").heldBy("task_id");
    }

    @Override
    public boolean claim(String name, String taskId) {
        return table.claim(taskId, name);
    }

    @Override
    public void releaseAll(String taskId) {
        table.release(taskId);
    }
}
