-- The sample service's split read model (dev.opsledger.platform.sample.SampleWorkTotals): one row per
-- task, written only from that task's events, plus one row per event handled, naming the instance that
-- handled it, so SplitProcessorsIT can count every event projected exactly once and by whom.
CREATE TABLE sample_work_total (
    task_id  VARCHAR(255) NOT NULL,
    recorded INTEGER      NOT NULL,
    total    INTEGER      NOT NULL,
    CONSTRAINT sample_work_total_pk PRIMARY KEY (task_id)
);

CREATE TABLE sample_work_projected (
    event_id     VARCHAR(255) NOT NULL,
    task_id      VARCHAR(255) NOT NULL,
    projected_by VARCHAR(255) NOT NULL
);
