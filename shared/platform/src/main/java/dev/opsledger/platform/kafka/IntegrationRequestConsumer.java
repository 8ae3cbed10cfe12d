package dev.opsledger.platform.kafka;

import dev.opsledger.contracts.IntegrationRequest;
import dev.opsledger.platform.metadata.MetadataKeys;
import io.cloudevents.CloudEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the service's requests topic and turns each CloudEvent into a command, once. The inbox
 * row and the command's events are written in one database transaction (the command bus joins
 * it through Axon's {@code SpringTransactionManager}), so a redelivered request finds its id
 * already recorded and is skipped, and a failed command leaves no row behind and is retried.
 */
public class IntegrationRequestConsumer implements MessageListener<String, byte[]> {

    private static final Logger log = LoggerFactory.getLogger(IntegrationRequestConsumer.class);

    private final Map<String, IntegrationRequestHandler<?>> handlersByType;
    private final CloudEventMapping mapping;
    private final ProcessedMessages processedMessages;
    private final CommandGateway commandGateway;
    private final TransactionTemplate transactionTemplate;

    public IntegrationRequestConsumer(List<IntegrationRequestHandler<?>> handlers, CloudEventMapping mapping,
                                      ProcessedMessages processedMessages, CommandGateway commandGateway,
                                      TransactionTemplate transactionTemplate) {
        this.handlersByType = handlers.stream()
                .collect(Collectors.toMap(IntegrationRequestHandler::cloudEventType, Function.identity(), (a, b) -> {
                    throw new IllegalStateException("Two IntegrationRequestHandlers for " + a.cloudEventType());
                }));
        this.mapping = mapping;
        this.processedMessages = processedMessages;
        this.commandGateway = commandGateway;
        this.transactionTemplate = transactionTemplate;
    }

    @Override
    public void onMessage(ConsumerRecord<String, byte[]> record) {
        CloudEvent cloudEvent = mapping.deserialize(record.value());
        IntegrationRequestHandler<?> handler = handlersByType.get(cloudEvent.getType());
        if (handler == null) {
            // Another version or a request this service does not (yet) understand: not ours to fail on.
            log.warn("No IntegrationRequestHandler for CloudEvent type {} (id {}); skipped",
                    cloudEvent.getType(), cloudEvent.getId());
            return;
        }
        transactionTemplate.executeWithoutResult(status -> handle(cloudEvent, handler));
    }

    private <R extends IntegrationRequest> void handle(CloudEvent cloudEvent, IntegrationRequestHandler<R> handler) {
        String source = Objects.toString(cloudEvent.getSource(), "");
        if (!processedMessages.markProcessed(source, cloudEvent.getId(), cloudEvent.getType())) {
            log.debug("CloudEvent {} from {} already processed; skipped", cloudEvent.getId(), source);
            return;
        }
        R request = mapping.data(cloudEvent, handler.requestType());
        Object command = handler.toCommand(request);
        if (command != null) {
            commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData(cloudEvent, request)));
        }
    }

    static Map<String, Object> metaData(CloudEvent cloudEvent, IntegrationRequest request) {
        Map<String, Object> metaData = new HashMap<>();
        Object correlationId = cloudEvent.getExtension(CloudEventMapping.CORRELATION_ID);
        metaData.put(MetadataKeys.CORRELATION_ID, correlationId != null ? correlationId.toString() : cloudEvent.getId());
        metaData.put(MetadataKeys.CAUSATION_ID, cloudEvent.getId());
        if (request.requestId() != null) {
            metaData.put(MetadataKeys.REQUEST_ID, request.requestId());
        }
        Object actor = cloudEvent.getExtension(CloudEventMapping.ACTOR);
        if (actor != null) {
            // The requesting service acted for this person; our history names them too.
            metaData.put(MetadataKeys.ACTOR_ID, actor.toString());
            metaData.put(MetadataKeys.ACTOR_NAME, actor.toString());
        }
        Object traceparent = cloudEvent.getExtension(CloudEventMapping.TRACEPARENT);
        if (traceparent != null) {
            metaData.put(MetadataKeys.TRACEPARENT, traceparent.toString());
        }
        return metaData;
    }
}
