-- Requests this service sent to other services (dev.opsledger.platform.kafka.SentRequests).
-- Written by the request sender in the transaction that moves its token, before the send: an
-- answer names only its request id, and this row says which of our aggregates asked, and what.
CREATE TABLE sent_request (
    request_id     VARCHAR(255) NOT NULL,
    request_type   VARCHAR(255) NOT NULL,
    requester_id   VARCHAR(255) NOT NULL,
    cloud_event_id VARCHAR(255) NOT NULL,
    sent_at        TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CONSTRAINT sent_request_pk PRIMARY KEY (request_id)
);
