package dev.opsledger.platform.kafka;

import dev.opsledger.contracts.RequestFailed;
import dev.opsledger.platform.error.BusinessRuleViolation;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What happens to a request once Spring Kafka's {@code DefaultErrorHandler} gives up on it: the
 * requester gets a {@link RequestFailed} answer with a stable reason code, and the record goes, as
 * received, to the service's dead-letter topic ({@code opsledger.<service>.requests.dlt}) with the
 * error in its headers: Spring's {@code kafka_dlt-*} headers (exception class and message, original
 * topic, partition and offset) and {@value #REASON_HEADER}.
 *
 * <p>Both happen in one database transaction: the inbox row and the stored answer commit only after
 * the broker acknowledged the dead letter. If the broker refuses it, nothing is stored, the error
 * handler delivers the record again, and the attempts start over; so an answer never goes out
 * without its dead letter. A crash after the acknowledgement and before the commit can leave a
 * second dead letter for one answer (ADR 007).
 */
public class RequestFailureRecoverer implements ConsumerAwareRecordRecoverer {

    /** The answer's reason code, on the dead letter. */
    public static final String REASON_HEADER = "opsledger_dlt-reason";

    private static final Logger log = LoggerFactory.getLogger(RequestFailureRecoverer.class);

    private final CloudEventMapping mapping;
    private final ProcessedMessages processedMessages;
    private final RequestRefusals refusals;
    private final TransactionTemplate transactionTemplate;
    private final DeadLetterPublishingRecoverer deadLetters;
    private final String deadLetterTopic;

    public RequestFailureRecoverer(CloudEventMapping mapping, ProcessedMessages processedMessages,
                                   RequestRefusals refusals, TransactionTemplate transactionTemplate,
                                   KafkaOperations<?, ?> kafka, String deadLetterTopic) {
        this.mapping = mapping;
        this.processedMessages = processedMessages;
        this.refusals = refusals;
        this.transactionTemplate = transactionTemplate;
        this.deadLetterTopic = deadLetterTopic;
        // Partition -1: the producer picks it from the request's key, so the dead-letter topic needs
        // no more partitions than it has.
        this.deadLetters = new DeadLetterPublishingRecoverer(kafka, (record, e) -> new TopicPartition(deadLetterTopic, -1));
        this.deadLetters.setHeadersFunction((record, e) -> new RecordHeaders().add(
                new RecordHeader(REASON_HEADER, reasonOf(e).getBytes(StandardCharsets.UTF_8))));
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer, Exception exception) {
        String reason = reasonOf(exception);
        transactionTemplate.executeWithoutResult(status -> {
            Optional<RequestEnvelope> request = answerable(record, exception);
            if (request.isPresent()) {
                if (!processedMessages.markProcessed(request.get())) {
                    // Another instance carried it out after our failure (a rebalance): it has its answer.
                    log.info("Request {} was processed meanwhile; no failure answer", request.get().requestId());
                    return;
                }
                refusals.fail(request.get(), reason, detailOf(exception));
            }
            log.warn("Request {} on {}-{}@{} failed ({}); parked on {}",
                    request.map(RequestEnvelope::requestId).orElse("(not answered)"), record.topic(), record.partition(),
                    record.offset(), reason, deadLetterTopic, exception);
            deadLetters.accept(record, consumer, exception);
        });
    }

    /** The request to answer; none for an unreadable one, nor for one from a source that may not send it. */
    private Optional<RequestEnvelope> answerable(ConsumerRecord<?, ?> record, Exception exception) {
        if (RequestFromUnauthorizedSource.REASON.equals(reasonOf(exception))) {
            return Optional.empty();
        }
        try {
            return Optional.of(RequestEnvelope.read((byte[]) record.value(), mapping));
        } catch (RequestNotReadable e) {
            return Optional.empty();
        }
    }

    /**
     * The refusing rule's code, {@link RequestNotReadable#REASON}, {@link RequestFromUnauthorizedSource#REASON},
     * or {@link RequestFailed#COMMAND_FAILED}.
     */
    static String reasonOf(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof BusinessRuleViolation violation) {
                return violation.code();
            }
            if (cause instanceof RequestNotReadable) {
                return RequestNotReadable.REASON;
            }
            if (cause instanceof RequestFromUnauthorizedSource) {
                return RequestFromUnauthorizedSource.REASON;
            }
        }
        return RequestFailed.COMMAND_FAILED;
    }

    /** A rule's message is written for people; other errors stay internal (their text is on the dead letter). */
    static String detailOf(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof BusinessRuleViolation violation) {
                return violation.getMessage();
            }
        }
        return "the command kept failing; the service's operators find the request on its dead-letter topic";
    }
}
