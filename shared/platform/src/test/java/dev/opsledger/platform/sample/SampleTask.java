package dev.opsledger.platform.sample;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.opsledger.platform.error.BusinessRuleViolation;
import dev.opsledger.platform.sample.SampleMessages.AcknowledgeSampleTask;
import dev.opsledger.platform.sample.SampleMessages.OpenSampleTask;
import dev.opsledger.platform.sample.SampleMessages.RecordSampleWork;
import dev.opsledger.platform.sample.SampleMessages.SampleReminderFired;
import dev.opsledger.platform.sample.SampleMessages.SampleReminderScheduled;
import dev.opsledger.platform.sample.SampleMessages.SampleTaskAcknowledged;
import dev.opsledger.platform.sample.SampleMessages.SampleTaskOpened;
import dev.opsledger.platform.sample.SampleMessages.SampleWorkRecorded;
import dev.opsledger.platform.sample.SampleMessages.ScheduleSampleReminder;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A task that accepts work up to a limit: the limit check proves the aggregate is rebuilt from stored events. */
@Aggregate
public class SampleTask {

    static final String REMINDER = "sample-reminder";

    @AggregateIdentifier
    private String taskId;
    private int limit;
    private int total;

    protected SampleTask() {
    }

    @CommandHandler
    public SampleTask(OpenSampleTask command) {
        apply(new SampleTaskOpened(command.taskId(), command.limit()));
    }

    @CommandHandler
    public void handle(RecordSampleWork command) {
        if (total + command.amount() > limit) {
            throw BusinessRuleViolation.unprocessable("sample.limit-exceeded",
                    "work " + command.amount() + " exceeds the remaining " + (limit - total));
        }
        apply(new SampleWorkRecorded(taskId, command.amount(), total + command.amount()));
    }

    @CommandHandler
    public void handle(AcknowledgeSampleTask command) {
        apply(new SampleTaskAcknowledged(taskId));
    }

    @CommandHandler
    public void handle(ScheduleSampleReminder command, DeadlineManager deadlineManager) {
        deadlineManager.schedule(command.delay(), REMINDER);
        apply(new SampleReminderScheduled(taskId));
    }

    @DeadlineHandler(deadlineName = REMINDER)
    public void onReminder() {
        apply(new SampleReminderFired(taskId));
    }

    @EventSourcingHandler
    void on(SampleTaskOpened event) {
        taskId = event.taskId();
        limit = event.limit();
    }

    @EventSourcingHandler
    void on(SampleWorkRecorded event) {
        total = event.total();
    }
}
