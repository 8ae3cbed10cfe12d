package dev.opsledger.platform.sample;

import java.time.Duration;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands and events of the test-only sample domain (a task with a work limit). */
public final class SampleMessages {

    private SampleMessages() {
    }

    public record OpenSampleTask(@TargetAggregateIdentifier String taskId, int limit) {
    }

    public record RecordSampleWork(@TargetAggregateIdentifier String taskId, int amount) {
    }

    public record AcknowledgeSampleTask(@TargetAggregateIdentifier String taskId) {
    }

    public record ScheduleSampleReminder(@TargetAggregateIdentifier String taskId, Duration delay) {
    }

    public record SampleTaskOpened(String taskId, int limit) {
    }

    public record SampleWorkRecorded(String taskId, int amount, int total) {
    }

    public record SampleTaskAcknowledged(String taskId) {
    }

    public record SampleReminderScheduled(String taskId) {
    }

    public record SampleReminderFired(String taskId) {
    }
}
