-- Grants on external resources wait for automation's answer to a task request (ADR 017): the view
-- shows which request is pending, and when a failed provisioning or deprovisioning is retried.
ALTER TABLE grant_view ADD COLUMN pending_task_request TEXT;
ALTER TABLE grant_view ADD COLUMN retry_at TIMESTAMPTZ;
