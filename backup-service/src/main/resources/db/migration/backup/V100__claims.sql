-- Uniqueness across aggregates (ADR 003), written in the command's transaction.
CREATE TABLE target_name (
    name      text PRIMARY KEY,
    target_id text NOT NULL
);

-- One policy per target.
CREATE TABLE policy_target (
    target_id text PRIMARY KEY,
    policy_id text NOT NULL UNIQUE
);

-- One active run per target; freed by the event that ends the run.
CREATE TABLE active_run (
    target_id text PRIMARY KEY,
    run_id    text NOT NULL UNIQUE
);

-- Runs a restore still needs: retention keeps them.
CREATE TABLE restore_pin (
    restore_id text PRIMARY KEY,
    run_id     text NOT NULL
);
CREATE INDEX restore_pin_run ON restore_pin (run_id);
