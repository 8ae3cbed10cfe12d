-- Read models, written by tracking processors and rebuilt by a replay.

CREATE TABLE task_view (
    task_id     TEXT PRIMARY KEY,
    name        TEXT        NOT NULL,
    version     INT         NOT NULL,
    -- The current definition as the API returns it.
    spec        JSONB       NOT NULL,
    defined_by  TEXT        NOT NULL,
    defined_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE task_version_view (
    task_id    TEXT        NOT NULL,
    version    INT         NOT NULL,
    spec       JSONB       NOT NULL,
    defined_by TEXT        NOT NULL,
    defined_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (task_id, version)
);

CREATE TABLE task_run_view (
    run_id             TEXT PRIMARY KEY,
    task_id            TEXT        NOT NULL,
    version            INT         NOT NULL,
    status             TEXT        NOT NULL,
    trigger            TEXT        NOT NULL,
    request_id         TEXT,
    -- Parameter values (secrets as references only) and the digest an approval binds to.
    parameters         JSONB       NOT NULL,
    digest             TEXT        NOT NULL,
    requested_by_id    TEXT        NOT NULL,
    requested_by_name  TEXT        NOT NULL,
    requested_at       TIMESTAMPTZ NOT NULL,
    required_approvals INT,
    approver_roles     TEXT[],
    four_eyes          BOOLEAN,
    approval_deadline  TIMESTAMPTZ,
    approved_by        TEXT[]      NOT NULL DEFAULT '{}',
    started_at         TIMESTAMPTZ,
    finished_at        TIMESTAMPTZ,
    exit_code          INT,
    detail             TEXT,
    updated_at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX task_run_view_by_time ON task_run_view (requested_at DESC, run_id DESC);
CREATE INDEX task_run_view_by_task ON task_run_view (task_id, requested_at DESC, run_id DESC);
CREATE INDEX task_run_view_awaiting ON task_run_view (status) WHERE status = 'AWAITING_APPROVAL';

CREATE TABLE scheduled_run_missed_view (
    task_id       TEXT        NOT NULL,
    scheduled_for TIMESTAMPTZ NOT NULL,
    version       INT         NOT NULL,
    PRIMARY KEY (task_id, scheduled_for)
);
