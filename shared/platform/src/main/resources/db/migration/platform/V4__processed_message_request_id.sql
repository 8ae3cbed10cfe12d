-- The request id is the idempotency key of a request (DESIGN.md), not only the CloudEvent id: a
-- requester that sends the same request again under a new CloudEvent id must get no second effect
-- and no second answer. Unique per source, as request ids are derived by the requesting service.
-- Older rows have no request id; NULLs never conflict.
ALTER TABLE processed_message ADD COLUMN request_id VARCHAR(255);
CREATE UNIQUE INDEX processed_message_request_uq ON processed_message (source, request_id);
