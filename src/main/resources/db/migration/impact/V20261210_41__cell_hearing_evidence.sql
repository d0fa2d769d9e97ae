-- A cell's evidence may be hearings of its own case (issue 13 §4): their ids, and their text as of
-- saving (renewed when the assessment is frozen, like an indicator's), with a linked consultation's
-- results.
alter table impact_cell add column hearing_ids uuid[] not null default '{}';
alter table impact_cell add column hearing_snapshot text;
