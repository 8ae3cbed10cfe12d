package dev.opsledger.platform.kafka;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The inbox of handled Kafka messages ({@code processed_message}, migrations V3 and V4). Must be
 * called inside the transaction that also stores the message's effects, or its answer.
 */
public class ProcessedMessages {

    private final JdbcClient jdbc;

    public ProcessedMessages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the message as processed; {@code false} if it already was, under its CloudEvent id or,
     * when given, under its request id from the same source. A concurrent insert of the same ids
     * waits for the other transaction and then returns {@code false} (or {@code true} if that one
     * rolled back), so two consumers never both handle it.
     */
    public boolean markProcessed(String source, String messageId, String messageType, String requestId) {
        // No conflict target: a clash on either unique key (message id or request id) means "seen".
        return jdbc.sql("""
                        INSERT INTO processed_message (source, message_id, message_type, request_id)
                        VALUES (:source, :id, :type, :requestId)
                        ON CONFLICT DO NOTHING""")
                .param("source", source)
                .param("id", messageId)
                .param("type", messageType)
                .param("requestId", requestId)
                .update() == 1;
    }

    boolean markProcessed(RequestEnvelope request) {
        return markProcessed(request.source(), request.id(), request.type(), request.requestId());
    }
}
