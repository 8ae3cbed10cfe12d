-- Write-side claims (ADR 003): rows inserted in the same transaction as the event they allow.
-- They are not projections: a replay never rebuilds them.

CREATE TABLE application_name (
    name           TEXT PRIMARY KEY,
    application_id TEXT NOT NULL UNIQUE
);

CREATE TABLE release_version (
    application_id TEXT NOT NULL,
    -- The SemVer identity: build metadata stripped, so 1.0.0+a and 1.0.0+b collide.
    version        TEXT NOT NULL,
    release_id     TEXT NOT NULL UNIQUE,
    PRIMARY KEY (application_id, version)
);

-- Exists while a promotion to the environment is under way; deleted when it ends.
CREATE TABLE active_promotion (
    application_id TEXT NOT NULL,
    environment    TEXT NOT NULL,
    promotion_id   TEXT NOT NULL UNIQUE,
    PRIMARY KEY (application_id, environment)
);
