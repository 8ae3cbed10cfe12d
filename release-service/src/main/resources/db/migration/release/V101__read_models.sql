-- Read models, written by tracking processors and rebuilt by a replay.

CREATE TABLE application_view (
    application_id    TEXT PRIMARY KEY,
    name              TEXT        NOT NULL,
    owning_team       TEXT        NOT NULL,
    repository_url    TEXT        NOT NULL,
    lifecycle_version INT         NOT NULL DEFAULT 0,
    -- The lifecycle as the API returns it (JSON array of environments), '[]' before the first one.
    lifecycle         JSONB       NOT NULL DEFAULT '[]',
    registered_at     TIMESTAMPTZ NOT NULL
);

CREATE TABLE release_view (
    release_id         TEXT PRIMARY KEY,
    application_id     TEXT        NOT NULL,
    version            TEXT        NOT NULL,
    commit_sha         TEXT        NOT NULL,
    artifact_reference TEXT        NOT NULL,
    notes              TEXT,
    created_by         TEXT,
    created_at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX release_view_by_application ON release_view (application_id, created_at DESC);

CREATE TABLE promotion_view (
    promotion_id       TEXT PRIMARY KEY,
    application_id     TEXT        NOT NULL,
    release_id         TEXT        NOT NULL,
    version            TEXT        NOT NULL,
    environment        TEXT        NOT NULL,
    status             TEXT        NOT NULL,
    lifecycle_version  INT         NOT NULL,
    requested_by_id    TEXT        NOT NULL,
    requested_by_name  TEXT        NOT NULL,
    requested_at       TIMESTAMPTZ NOT NULL,
    rollback_of        TEXT,
    reason             TEXT,
    -- The approval policy copied at request time, for "pending for me" (NULL: none needed).
    required_approvals INT,
    approver_roles     TEXT[],
    four_eyes          BOOLEAN,
    decision_timeout_s BIGINT,
    approval_deadline  TIMESTAMPTZ,
    approved_by        TEXT[]      NOT NULL DEFAULT '{}',
    approved_by_names  TEXT[]      NOT NULL DEFAULT '{}',
    waiting_until      TIMESTAMPTZ,
    wait_reason        TEXT,
    freeze_overridden  BOOLEAN     NOT NULL DEFAULT FALSE,
    outcome_by         TEXT,
    outcome_detail     TEXT,
    updated_at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX promotion_view_by_release ON promotion_view (release_id, requested_at);
CREATE INDEX promotion_view_awaiting ON promotion_view (status) WHERE status = 'AWAITING_APPROVAL';

-- Which release runs where now.
CREATE TABLE environment_board (
    application_id TEXT        NOT NULL,
    environment    TEXT        NOT NULL,
    release_id     TEXT        NOT NULL,
    version        TEXT        NOT NULL,
    promotion_id   TEXT        NOT NULL,
    deployed_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (application_id, environment)
);

-- Every deployment outcome, success or failure; rows are never updated or deleted.
CREATE TABLE deployment_ledger (
    entry_id       BIGSERIAL PRIMARY KEY,
    event_id       TEXT        NOT NULL UNIQUE,
    application_id TEXT        NOT NULL,
    environment    TEXT        NOT NULL,
    promotion_id   TEXT        NOT NULL,
    release_id     TEXT        NOT NULL,
    version        TEXT        NOT NULL,
    outcome        TEXT        NOT NULL,
    recorded_by    TEXT        NOT NULL,
    detail         TEXT        NOT NULL,
    rollback_of    TEXT,
    recorded_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX deployment_ledger_by_environment ON deployment_ledger (application_id, environment, entry_id DESC);
