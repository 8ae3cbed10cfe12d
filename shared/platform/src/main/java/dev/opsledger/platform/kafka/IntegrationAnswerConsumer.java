package dev.opsledger.platform.kafka;

import dev.opsledger.contracts.OpsLedgerService;
import dev.opsledger.platform.error.BusinessRuleViolation;
import dev.opsledger.platform.metadata.MetadataKeys;
import dev.opsledger.platform.metadata.ServiceActor;
import dev.opsledger.platform.request.RequestIds;
import io.cloudevents.CloudEvent;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;

/**
 * Reads the events topics of the services this service sends requests to, and turns each answer to
 * one of its requests into a command on the aggregate that asked ({@link AnswerHandler}). Events the
 * service follows for its own read models ({@link ForeignEventHandler}) are handed to their handler.
 * Everything else on those topics (other requesters' answers, events no request caused) is passed over.
 *
 * <p>Each answer is handled once: its CloudEvent id goes into the inbox ({@link ProcessedMessages}) in
 * the command's transaction, so a redelivered answer sends no second command. The command is the
 * service's own step ({@code system:<service>}), in the request's chain (correlation id), caused by the
 * answer (causation id = its CloudEvent id). A command the aggregate refuses is not retried: the answer
 * is marked handled and the refusal logged, as the aggregate decides from its own history and would
 * refuse again. An answer to one of our request ids that we have no record of yet (its request's
 * transaction still committing) is retried by the container's error handler.
 */
public class IntegrationAnswerConsumer implements MessageListener<String, byte[]> {

    private static final Logger log = LoggerFactory.getLogger(IntegrationAnswerConsumer.class);

    private final OpsLedgerService service;
    private final String serviceName;
    /** By answer CloudEvent type, then by request CloudEvent type. */
    private final Map<String, Map<String, AnswerHandler<?>>> handlers;
    private final Map<String, ForeignEventHandler<?>> foreignEvents;
    private final CloudEventMapping mapping;
    private final SentRequests sentRequests;
    private final ProcessedMessages processedMessages;
    private final CommandGateway commandGateway;
    private final TransactionTemplate transactionTemplate;

    public IntegrationAnswerConsumer(OpsLedgerService service, String serviceName, List<AnswerHandler<?>> handlers,
                                     List<ForeignEventHandler<?>> foreignEvents, CloudEventMapping mapping,
                                     SentRequests sentRequests, ProcessedMessages processedMessages, CommandGateway commandGateway,
                                     TransactionTemplate transactionTemplate) {
        this.service = service;
        this.serviceName = serviceName;
        this.handlers = handlers.stream().collect(Collectors.groupingBy(AnswerHandler::answerCloudEventType,
                Collectors.toMap(AnswerHandler::requestCloudEventType, handler -> handler, (a, b) -> {
                    throw new IllegalStateException("Two AnswerHandlers for " + a.answerCloudEventType()
                            + " answering " + a.requestCloudEventType());
                })));
        this.foreignEvents = foreignEvents.stream().collect(Collectors.toMap(ForeignEventHandler::cloudEventType,
                handler -> handler, (a, b) -> {
                    throw new IllegalStateException("Two ForeignEventHandlers for " + a.cloudEventType());
                }));
        this.mapping = mapping;
        this.sentRequests = sentRequests;
        this.processedMessages = processedMessages;
        this.commandGateway = commandGateway;
        this.transactionTemplate = transactionTemplate;
    }

    /** The events topics to read: those of the services that answer our requests or whose events we follow. */
    public static Set<String> topicsOf(Collection<AnswerHandler<?>> handlers,
                                       Collection<ForeignEventHandler<?>> foreignEvents) {
        Set<String> topics = new TreeSet<>();
        handlers.forEach(handler -> topics.add(handler.answeringService().eventsTopic()));
        foreignEvents.forEach(handler -> topics.add(handler.publisher().eventsTopic()));
        return topics;
    }

    @Override
    public void onMessage(ConsumerRecord<String, byte[]> record) {
        CloudEvent answer;
        try {
            answer = mapping.deserialize(Objects.requireNonNull(record.value()));
        } catch (RuntimeException e) {
            // Another service's topic: its operators own its garbage, we only pass it over.
            log.warn("Record at {}-{}@{} is no CloudEvent; skipped", record.topic(), record.partition(),
                    record.offset());
            return;
        }
        ForeignEventHandler<?> follower = foreignEvents.get(answer.getType());
        if (follower != null) {
            follow(answer, follower);
        }
        Map<String, AnswerHandler<?>> byRequestType = handlers.get(answer.getType());
        if (byRequestType == null) {
            return;
        }
        Optional<String> requestId = mapping.requestIdOf(answer);
        if (requestId.isEmpty()) {
            return;
        }
        Optional<SentRequest> sent = sentRequests.find(requestId.get());
        if (sent.isEmpty()) {
            if (RequestIds.isFrom(service.id(), requestId.get())) {
                throw new AnswerBeforeRequest(requestId.get());
            }
            return;
        }
        AnswerHandler<?> handler = byRequestType.get(sent.get().requestType());
        if (handler == null) {
            return;
        }
        Object data;
        try {
            data = mapping.data(answer, handler.answerType());
        } catch (JacksonException e) {
            log.warn("Answer {} ({}) to request {} does not fit {}; skipped: {}", answer.getId(), answer.getType(),
                    requestId.get(), handler.answerType().getSimpleName(), e.getOriginalMessage());
            return;
        }
        Object command = handler.toCommand(data, sent.get());
        try {
            transactionTemplate.executeWithoutResult(status -> {
                if (markProcessed(answer) && command != null) {
                    commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                            .andMetaData(metaData(answer)));
                }
            });
        } catch (BusinessRuleViolation refused) {
            // The command's transaction rolled back with the inbox row; mark it alone.
            transactionTemplate.executeWithoutResult(status -> markProcessed(answer));
            log.warn("Answer {} ({}) to request {} refused by {}: {} ({})", answer.getId(), answer.getType(),
                    requestId.get(), sent.get().requesterId(), refused.code(), refused.getMessage());
        }
    }

    private void follow(CloudEvent event, ForeignEventHandler<?> follower) {
        Object data;
        try {
            data = mapping.data(event, follower.eventType());
        } catch (JacksonException e) {
            log.warn("Event {} ({}) does not fit {}; skipped: {}", event.getId(), event.getType(),
                    follower.eventType().getSimpleName(), e.getOriginalMessage());
            return;
        }
        // Keyed apart from the answers' inbox rows: one CloudEvent may be both followed and an answer.
        transactionTemplate.executeWithoutResult(status -> {
            if (processedMessages.markProcessed(Objects.toString(event.getSource(), ""), "followed:" + event.getId(),
                    event.getType(), null)) {
                follower.handle(data);
            }
        });
    }

    private boolean markProcessed(CloudEvent answer) {
        // No request id: one request has several answers (a run's requested, started, succeeded).
        return processedMessages.markProcessed(Objects.toString(answer.getSource(), ""), answer.getId(),
                answer.getType(), null);
    }

    /** The answer's chain continues here as the service's own step, caused by the answer. */
    Map<String, Object> metaData(CloudEvent answer) {
        Map<String, Object> metaData = new HashMap<>();
        Object correlationId = answer.getExtension(CloudEventMapping.CORRELATION_ID);
        metaData.put(MetadataKeys.CORRELATION_ID, correlationId != null ? correlationId.toString() : answer.getId());
        metaData.put(MetadataKeys.CAUSATION_ID, answer.getId());
        metaData.put(MetadataKeys.ACTOR_ID, ServiceActor.of(serviceName).id());
        metaData.put(MetadataKeys.ACTOR_NAME, ServiceActor.of(serviceName).name());
        CloudEventMapping.continuedTrace(answer)
                .ifPresent(trace -> metaData.put(MetadataKeys.TRACEPARENT, trace.toString()));
        return metaData;
    }

    /** An answer names one of our request ids that is not recorded yet; retried, then logged. */
    static class AnswerBeforeRequest extends RuntimeException {

        AnswerBeforeRequest(String requestId) {
            super("Answer to request " + requestId + " arrived before the request was recorded as sent");
        }
    }
}
