-- What a promotion asked of other services: its pre-deploy backup and its deploy task's run.
ALTER TABLE promotion_view ADD COLUMN backup_run_id VARCHAR(255);
ALTER TABLE promotion_view ADD COLUMN backup_sha256 VARCHAR(64);
ALTER TABLE promotion_view ADD COLUMN deploy_run_id VARCHAR(255);
