-- Write-side claims (ADR 003): rows inserted in the same transaction as the event they allow.
-- They are not projections: a replay never rebuilds them.

CREATE TABLE resource_name (
    name        TEXT PRIMARY KEY,
    resource_id TEXT NOT NULL UNIQUE
);

-- One open request-or-grant per user and resource, held by the grant id; deleted when the request
-- fails or the grant has ended.
CREATE TABLE active_grant (
    user_id     TEXT NOT NULL,
    resource_id TEXT NOT NULL,
    grant_id    TEXT NOT NULL UNIQUE,
    PRIMARY KEY (user_id, resource_id)
);
