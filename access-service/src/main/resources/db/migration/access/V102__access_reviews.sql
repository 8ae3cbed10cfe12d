-- Access-review campaigns and their items (read models, rebuilt by a replay).

CREATE TABLE access_review_view (
    review_id      TEXT PRIMARY KEY,
    name           TEXT        NOT NULL,
    resource_id    TEXT,
    reviewer_roles TEXT[]      NOT NULL,
    deadline       TIMESTAMPTZ NOT NULL,
    status         TEXT        NOT NULL,
    opened_by      TEXT        NOT NULL,
    opened_at      TIMESTAMPTZ NOT NULL,
    closed_at      TIMESTAMPTZ
);
CREATE INDEX access_review_view_by_opened ON access_review_view (opened_at DESC, review_id DESC);

-- One row per grant a campaign asks about: the report lists each decision and who made it.
CREATE TABLE access_review_item_view (
    review_id   TEXT        NOT NULL,
    grant_id    TEXT        NOT NULL,
    resource_id TEXT        NOT NULL,
    user_id     TEXT        NOT NULL,
    user_name   TEXT        NOT NULL,
    -- KEEP or REVOKE by a reviewer; UNANSWERED once the campaign closed without one (then revoked).
    decision    TEXT,
    decided_by  TEXT,
    comment     TEXT,
    decided_at  TIMESTAMPTZ,
    PRIMARY KEY (review_id, grant_id)
);

-- Who may review a break-glass grant, for the caller's pending list.
ALTER TABLE grant_view ADD COLUMN reviewer_roles TEXT[] NOT NULL DEFAULT '{}';
