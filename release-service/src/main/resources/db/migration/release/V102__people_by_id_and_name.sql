-- Answers name a person by id and name together (dev.opsledger.contracts.Person): the read
-- models kept only the name in these places.
ALTER TABLE promotion_view ADD COLUMN outcome_by_id TEXT;
ALTER TABLE release_view ADD COLUMN created_by_id TEXT;
ALTER TABLE deployment_ledger ADD COLUMN recorded_by_id TEXT;

-- Rebuild the two read models from the event store so existing rows get the ids too: emptied
-- here, refilled by their processors, which start again from the first event without a token.
TRUNCATE promotion_view, environment_board, deployment_ledger, release_view;
DELETE FROM token_entry WHERE processor_name IN ('promotion-view', 'release-view');
