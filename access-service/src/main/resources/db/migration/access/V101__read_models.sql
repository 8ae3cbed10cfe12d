-- Read models, written by tracking processors and rebuilt by a replay.

CREATE TABLE resource_view (
    resource_id            TEXT PRIMARY KEY,
    name                   TEXT        NOT NULL,
    description            TEXT,
    owning_team            TEXT        NOT NULL,
    kind                   TEXT        NOT NULL,
    target_name            TEXT        NOT NULL,
    deprovision_task       TEXT,
    required_approvals     INT         NOT NULL,
    approver_roles         TEXT[]      NOT NULL,
    four_eyes              BOOLEAN     NOT NULL,
    decision_timeout_s     BIGINT      NOT NULL,
    max_duration_s         BIGINT      NOT NULL,
    requester_roles        TEXT[]      NOT NULL,
    break_glass_roles      TEXT[],
    break_glass_duration_s BIGINT,
    registered_at          TIMESTAMPTZ NOT NULL,
    updated_at             TIMESTAMPTZ NOT NULL
);

CREATE TABLE access_request_view (
    request_id         TEXT PRIMARY KEY,
    grant_id           TEXT        NOT NULL,
    extension          BOOLEAN     NOT NULL,
    resource_id        TEXT        NOT NULL,
    resource_name      TEXT        NOT NULL,
    requester_id       TEXT        NOT NULL,
    requester_name     TEXT        NOT NULL,
    justification      TEXT        NOT NULL,
    duration_s         BIGINT      NOT NULL,
    status             TEXT        NOT NULL,
    requested_at       TIMESTAMPTZ NOT NULL,
    deadline           TIMESTAMPTZ NOT NULL,
    -- The approval policy copied at request time, for "pending for me".
    required_approvals INT         NOT NULL,
    approver_roles     TEXT[]      NOT NULL,
    four_eyes          BOOLEAN     NOT NULL,
    approved_by        TEXT[]      NOT NULL DEFAULT '{}',
    approved_by_names  TEXT[]      NOT NULL DEFAULT '{}',
    outcome_by         TEXT,
    outcome_detail     TEXT,
    updated_at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX access_request_view_by_requester ON access_request_view (requester_id, requested_at DESC);
CREATE INDEX access_request_view_awaiting ON access_request_view (deadline) WHERE status = 'AWAITING_APPROVAL';

-- Every grant ever opened; rows are updated as the grant moves but never deleted, so the table is
-- the grant history: access was effective from activated_at until effective_until (NULL: still).
CREATE TABLE grant_view (
    grant_id        TEXT PRIMARY KEY,
    request_id      TEXT,
    resource_id     TEXT        NOT NULL,
    target_kind     TEXT        NOT NULL,
    target_name     TEXT        NOT NULL,
    user_id         TEXT        NOT NULL,
    user_name       TEXT        NOT NULL,
    status          TEXT        NOT NULL,
    break_glass     BOOLEAN     NOT NULL,
    justification   TEXT,
    approvers       TEXT[]      NOT NULL,
    opened_at       TIMESTAMPTZ NOT NULL,
    activated_at    TIMESTAMPTZ,
    expires_at      TIMESTAMPTZ,
    ended_at        TIMESTAMPTZ,
    effective_until TIMESTAMPTZ,
    end_reason      TEXT,
    ended_by        TEXT,
    end_comment     TEXT,
    last_failure    TEXT,
    review_status   TEXT,
    review_deadline TIMESTAMPTZ,
    reviewed_by     TEXT,
    review_comment  TEXT,
    updated_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX grant_view_by_resource ON grant_view (resource_id, activated_at);
CREATE INDEX grant_view_by_user ON grant_view (user_id, opened_at DESC);
