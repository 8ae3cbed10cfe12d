-- Drift between Keycloak and the grants, as reported by the resources (read model).

ALTER TABLE resource_view ADD COLUMN remove_unmanaged BOOLEAN NOT NULL DEFAULT FALSE;

-- One row per disagreement seen: open while resolved_at is NULL.
CREATE TABLE access_drift_view (
    resource_id TEXT        NOT NULL,
    user_id     TEXT        NOT NULL,
    kind        TEXT        NOT NULL,
    removing    BOOLEAN     NOT NULL,
    detected_at TIMESTAMPTZ NOT NULL,
    removed_at  TIMESTAMPTZ,
    resolved_at TIMESTAMPTZ,
    PRIMARY KEY (resource_id, user_id, kind, detected_at)
);
CREATE INDEX access_drift_view_open ON access_drift_view (resource_id) WHERE resolved_at IS NULL;
