CREATE TABLE target_view (
    target_id      text PRIMARY KEY,
    name           text NOT NULL,
    kind           text NOT NULL,
    host           text,
    port           integer,
    database       text,
    credentials_ref text,
    path           text,
    sufficiency    text NOT NULL,
    registered_by  text NOT NULL,
    registered_at  timestamptz NOT NULL
);
CREATE INDEX target_view_page ON target_view (name, target_id);

CREATE TABLE policy_view (
    policy_id          text PRIMARY KEY,
    target_id          text NOT NULL UNIQUE,
    version            integer NOT NULL,
    cron               text NOT NULL,
    zone               text NOT NULL,
    keep_last          integer NOT NULL,
    keep_daily         integer NOT NULL,
    keep_weekly        integer NOT NULL,
    keep_monthly       integer NOT NULL,
    rpo_s              bigint NOT NULL,
    verification_cron  text NOT NULL,
    verification_zone  text NOT NULL,
    required_approvals integer NOT NULL,
    approver_roles     text[] NOT NULL,
    four_eyes          boolean NOT NULL,
    decision_timeout_s bigint NOT NULL,
    serves_pre_deploy  boolean NOT NULL,
    missed_runs        text NOT NULL,
    run_timeout_s      bigint NOT NULL,
    verification_check text,
    defined_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL
);

CREATE TABLE run_view (
    run_id          text PRIMARY KEY,
    target_id       text NOT NULL,
    target_name     text NOT NULL,
    policy_id       text,
    trigger         text NOT NULL,
    request_id      text,
    status          text NOT NULL,
    verification    text NOT NULL,
    expired         boolean NOT NULL DEFAULT FALSE,
    requested_by    text NOT NULL,
    requested_at    timestamptz NOT NULL,
    started_at      timestamptz,
    completed_at    timestamptz,
    location        text,
    size_bytes      bigint,
    sha256          text,
    duration_ms     bigint,
    tool_version    text,
    failure_reason  text,
    stderr_tail     text,
    verified_at     timestamptz,
    verification_detail text,
    expired_at      timestamptz
);
CREATE INDEX run_view_page ON run_view (requested_at DESC, run_id DESC);
CREATE INDEX run_view_target ON run_view (target_id, completed_at DESC);
CREATE UNIQUE INDEX run_view_request ON run_view (request_id) WHERE request_id IS NOT NULL;

CREATE TABLE restore_view (
    restore_id          text PRIMARY KEY,
    run_id              text NOT NULL,
    target_id           text NOT NULL,
    destination_kind    text NOT NULL,
    destination_name    text,
    status              text NOT NULL,
    requested_by_id     text NOT NULL,
    requested_by_name   text NOT NULL,
    requested_at        timestamptz NOT NULL,
    required_approvals  integer NOT NULL,
    approver_roles      text[] NOT NULL,
    four_eyes           boolean NOT NULL,
    approval_deadline   timestamptz NOT NULL,
    approved_by         text[] NOT NULL DEFAULT '{}',
    safety_run_id       text,
    outcome_detail      text,
    updated_at          timestamptz NOT NULL
);
CREATE INDEX restore_view_page ON restore_view (requested_at DESC, restore_id DESC);

-- The scheduler's memory of the last slot it handled per policy and schedule, so downtime is noticed.
CREATE TABLE schedule_slot (
    policy_id  text NOT NULL,
    schedule   text NOT NULL,
    last_slot  timestamptz NOT NULL,
    PRIMARY KEY (policy_id, schedule)
);
