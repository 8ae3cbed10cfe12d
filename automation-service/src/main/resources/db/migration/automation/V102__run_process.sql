-- Write-side table (ADR 073): the process session of each shell run that is running, so that the
-- processes a run started can be found and ended after the JVM that started them was killed. A row
-- is written right after the run's process starts and deleted once none of its processes is left;
-- a row found at start belongs to a JVM that died (RunWorkers ends its processes first).
-- leader_start_ticks is field 22 of /proc/<pid>/stat (clock ticks since boot): with the boot id
-- and the host it tells the recorded leader from a later process that got the same pid.
CREATE TABLE run_process (
    run_id             TEXT PRIMARY KEY,
    leader_pid         BIGINT      NOT NULL,
    leader_start_ticks BIGINT      NOT NULL,
    leader_started_at  TIMESTAMPTZ,
    boot_id            TEXT        NOT NULL,
    host               TEXT        NOT NULL,
    recorded_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);
