package dev.opsledger.platform.axon;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;

/**
 * How a service registers the processing groups whose work must commit or fail with the event
 * that triggers it, as a {@code ConfigurerModule} bean:
 *
 * <pre>{@code
 * @Bean
 * ConfigurerModule activePromotionClaims() {
 *     return ProcessingGroups.subscribingInTheEventsTransaction(ActivePromotionClaims.PROCESSING_GROUP);
 * }
 * }</pre>
 */
public final class ProcessingGroups {

    private ProcessingGroups() {
    }

    /**
     * A subscribing processor runs in the publishing unit of work, so its writes (a claim freed,
     * a uniqueness row) share the command's transaction; errors propagate, so a failed write
     * rolls the command back instead of leaving the two out of step.
     */
    public static ConfigurerModule subscribingInTheEventsTransaction(String processingGroup) {
        return configurer -> configurer.eventProcessing()
                .registerSubscribingEventProcessor(processingGroup)
                .registerListenerInvocationErrorHandler(processingGroup,
                        configuration -> PropagatingErrorHandler.instance());
    }

    /**
     * A tracking processor that stops and retries from its stored token when a handler fails,
     * instead of Axon's default of logging and moving on (which would silently skip an event).
     */
    public static ConfigurerModule retryingOnError(String processingGroup) {
        return configurer -> configurer.eventProcessing().registerListenerInvocationErrorHandler(
                processingGroup, configuration -> PropagatingErrorHandler.instance());
    }
}
