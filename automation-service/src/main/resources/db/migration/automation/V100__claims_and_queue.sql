-- Write-side tables (ADR 003): rows written in the same transaction as the event they follow.
-- They are not projections: a replay never rebuilds them.

CREATE TABLE task_name (
    name    TEXT PRIMARY KEY,
    task_id TEXT NOT NULL
);
CREATE INDEX task_name_by_task ON task_name (task_id);

-- Exists while a run of a FORBID task is open (requested to finished).
CREATE TABLE exclusive_run (
    task_id TEXT PRIMARY KEY,
    run_id  TEXT NOT NULL UNIQUE
);

-- The work queue: a row from "queued" until the run ends. started_at is set when a worker took
-- it; rows still started when the service starts belonged to a worker that died with it.
CREATE TABLE run_queue (
    run_id      TEXT PRIMARY KEY,
    task_id     TEXT        NOT NULL,
    concurrency TEXT        NOT NULL,
    queued_at   TIMESTAMPTZ NOT NULL,
    started_at  TIMESTAMPTZ,
    worker      TEXT
);
CREATE INDEX run_queue_waiting ON run_queue (queued_at) WHERE started_at IS NULL;

-- A run's output, in chunks, written by the worker while it runs (not events: logs are large
-- and not decisions). start_offset counts characters from the start of the run's log.
CREATE TABLE run_log_chunk (
    run_id       TEXT   NOT NULL,
    start_offset BIGINT NOT NULL,
    content      TEXT   NOT NULL,
    PRIMARY KEY (run_id, start_offset)
);
