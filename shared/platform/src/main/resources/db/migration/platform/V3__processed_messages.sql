-- Inbox of Kafka requests already handled (dev.opsledger.platform.kafka.ProcessedMessages).
-- A row is inserted in the same transaction that stores the command's events, so a request
-- delivered twice (producer retry, consumer rebalance, replay) changes the history once.
-- CloudEvents ids are unique per source, hence the composite key.
CREATE TABLE processed_message (
    source       VARCHAR(255) NOT NULL,
    message_id   VARCHAR(255) NOT NULL,
    message_type VARCHAR(255) NOT NULL,
    processed_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CONSTRAINT processed_message_pk PRIMARY KEY (source, message_id)
);
