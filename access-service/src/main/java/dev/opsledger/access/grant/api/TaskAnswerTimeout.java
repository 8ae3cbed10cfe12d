package dev.opsledger.access.grant.api;

import java.time.Duration;

/**
 * How long the grant saga waits for automation's answer to one task request before the grant
 * records it as missing ({@code opsledger.access.task-answer-timeout}). Long enough for a run that
 * waits for its own approval; a lost request or a stopped automation-service must not leave a grant
 * waiting for ever.
 */
public record TaskAnswerTimeout(Duration duration) {

    public TaskAnswerTimeout {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("the task answer timeout must be positive");
        }
    }
}
