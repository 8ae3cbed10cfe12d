package dev.opsledger.platform.kafka;

import dev.opsledger.contracts.IntegrationRequest;
import dev.opsledger.contracts.OpsLedgerService;
import dev.opsledger.contracts.RequestRejected;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
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
 * Reads the service's requests topic and turns each CloudEvent into a command, once. The inbox
 * row and the command's events are written in one database transaction (the command bus joins
 * it through Axon's {@code SpringTransactionManager}), so a request delivered again, or sent again
 * under the same request id, finds itself already recorded and is skipped, and a failed command
 * leaves no row behind and is retried.
 *
 * <p>Every request gets one answer. The success answer is the service's own event
 * ({@link RequestAnswer}); a request the service does not serve is answered here, at once and in
 * the same transaction, with {@link RequestRejected}; a command that keeps failing throws, and the
 * {@link RequestFailureRecoverer} answers it after the last attempt.
 *
 * <p>Before anything else, the request's CloudEvent {@code source} must be a service allowed to
 * send its type ({@link RequestSenders}); a request from anyone else changes nothing here and goes
 * to the dead-letter topic ({@link RequestFromUnauthorizedSource}).
 */
public class IntegrationRequestConsumer implements MessageListener<String, byte[]> {

    private static final Logger log = LoggerFactory.getLogger(IntegrationRequestConsumer.class);

    private final Map<String, IntegrationRequestHandler<?>> handlersByType;
    private final RequestSenders senders;
    private final CloudEventMapping mapping;
    private final ProcessedMessages processedMessages;
    private final RequestRefusals refusals;
    private final CommandGateway commandGateway;
    private final TransactionTemplate transactionTemplate;

    public IntegrationRequestConsumer(OpsLedgerService receiver, List<IntegrationRequestHandler<?>> handlers,
                                      CloudEventMapping mapping,
                                      ProcessedMessages processedMessages, RequestRefusals refusals,
                                      CommandGateway commandGateway, TransactionTemplate transactionTemplate) {
        this.handlersByType = handlers.stream()
                .collect(Collectors.toMap(IntegrationRequestHandler::cloudEventType, Function.identity(), (a, b) -> {
                    throw new IllegalStateException("Two IntegrationRequestHandlers for " + a.cloudEventType());
                }));
        this.senders = new RequestSenders(receiver, handlers);
        this.mapping = mapping;
        this.processedMessages = processedMessages;
        this.refusals = refusals;
        this.commandGateway = commandGateway;
        this.transactionTemplate = transactionTemplate;
    }

    @Override
    public void onMessage(ConsumerRecord<String, byte[]> record) {
        RequestEnvelope request = RequestEnvelope.read(record.value(), mapping);
        if (!senders.allows(request)) {
            // Checked outside the transaction: nothing of this request may reach the database.
            throw new RequestFromUnauthorizedSource("CloudEvent " + request.id() + " (" + request.type()
                    + ", request " + request.requestId() + ") claims source '" + request.source()
                    + "'; only " + senders.expected(request) + " may send it");
        }
        transactionTemplate.executeWithoutResult(status -> {
            if (!processedMessages.markProcessed(request)) {
                log.debug("Request {} (CloudEvent {} from {}) already processed; skipped",
                        request.requestId(), request.id(), request.source());
                return;
            }
            IntegrationRequestHandler<?> handler = handlersByType.get(request.type());
            if (handler == null) {
                // Another version, or a request this service does not serve: the requester learns it now
                // instead of waiting for its deadline.
                log.warn("No IntegrationRequestHandler for CloudEvent type {} (request {}); rejected",
                        request.type(), request.requestId());
                refusals.reject(request, RequestRejected.UNSUPPORTED_TYPE,
                        "this service serves " + handlersByType.keySet().stream().sorted().toList());
                return;
            }
            handle(request, handler);
        });
    }

    private <R extends IntegrationRequest> void handle(RequestEnvelope request, IntegrationRequestHandler<R> handler) {
        R data;
        try {
            data = mapping.data(request.cloudEvent(), handler.requestType());
        } catch (JacksonException e) {
            // The same bytes never bind on a later attempt; rejecting now spares the requester the retries.
            refusals.reject(request, RequestRejected.INVALID_REQUEST,
                    "data does not fit " + request.type() + ": " + e.getOriginalMessage());
            return;
        }
        Object command = handler.toCommand(data);
        if (command != null) {
            commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(request.metaData()));
        }
    }
}
