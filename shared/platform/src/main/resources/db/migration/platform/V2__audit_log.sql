-- Audit trail read model: one row per event of this service, in global event order, chained by
-- SHA-256 (hash covers the row's fields and previous_hash) so a changed or removed row breaks the
-- chain at that row. Written only by the single-segment "audit-log" tracking processor.
CREATE TABLE audit_log (
    global_index       BIGINT       NOT NULL PRIMARY KEY,
    event_id           VARCHAR(255) NOT NULL,
    event_time         TIMESTAMPTZ  NOT NULL,
    actor_id           VARCHAR(255),
    actor_name         VARCHAR(255),
    aggregate_type     VARCHAR(255),
    aggregate_id       VARCHAR(255),
    aggregate_sequence BIGINT,
    event_type         VARCHAR(255) NOT NULL,
    payload_summary    TEXT         NOT NULL,
    correlation_id     VARCHAR(255),
    causation_id       VARCHAR(255),
    previous_hash      CHAR(64)     NOT NULL,
    hash               CHAR(64)     NOT NULL
);

-- Queries page by (event_time, global_index); the filters below are the gateway's.
CREATE INDEX audit_log_time_idx ON audit_log (event_time, global_index);
CREATE INDEX audit_log_actor_id_idx ON audit_log (actor_id);
CREATE INDEX audit_log_actor_name_idx ON audit_log (actor_name);
CREATE INDEX audit_log_aggregate_idx ON audit_log (aggregate_id);
CREATE INDEX audit_log_correlation_idx ON audit_log (correlation_id);
