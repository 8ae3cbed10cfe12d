-- The instances of this service that are alive, for sharing split read-model processors
-- (dev.opsledger.platform.axon.SegmentBalancer, ADR 075). Each instance upserts its row every
-- balance interval; a row older than three intervals is a stopped or stuck instance. Times are
-- the database's own now(), so the instances' clocks never need to agree.
CREATE TABLE processor_instance (
    instance_id  VARCHAR(255)             NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    heartbeat_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CONSTRAINT processor_instance_pk PRIMARY KEY (instance_id)
);
