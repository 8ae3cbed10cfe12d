package dev.opsledger.platform.kafka;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The inbox of handled Kafka messages ({@code processed_message}, migration V3). Must be called
 * inside the transaction that also stores the message's effects.
 */
public class ProcessedMessages {

    private final JdbcClient jdbc;

    public ProcessedMessages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the message as processed; {@code false} if it already was. A concurrent insert of
     * the same id waits for the other transaction and then returns {@code false} (or
     * {@code true} if that one rolled back), so two consumers never both handle it.
     */
    public boolean markProcessed(String source, String messageId, String messageType) {
        return jdbc.sql("""
                        INSERT INTO processed_message (source, message_id, message_type)
                        VALUES (:source, :id, :type)
                        ON CONFLICT (source, message_id) DO NOTHING""")
                .param("source", source)
                .param("id", messageId)
                .param("type", messageType)
                .update() == 1;
    }
}
