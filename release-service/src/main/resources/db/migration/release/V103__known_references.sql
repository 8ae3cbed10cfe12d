-- What release-service knows of other services' backup policies and deploy tasks, built from their
-- public events (backup-policy-defined, task-defined). A lifecycle may refer only to these (ADR 041).
CREATE TABLE known_backup_policy (
    policy_id         VARCHAR(255) NOT NULL PRIMARY KEY,
    target_id         VARCHAR(255) NOT NULL,
    version           INTEGER      NOT NULL,
    serves_pre_deploy BOOLEAN      NOT NULL
);

CREATE TABLE known_deploy_task (
    task_id        VARCHAR(255) NOT NULL PRIMARY KEY,
    name           VARCHAR(255) NOT NULL,
    version        INTEGER      NOT NULL,
    needs_approval BOOLEAN      NOT NULL
);
