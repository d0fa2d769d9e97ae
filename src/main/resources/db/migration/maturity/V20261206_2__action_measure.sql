-- A development action turned into a measure of the wellbeing plan: done once, linked both ways.
alter table maturity_action add column measure_id uuid, add column measure_ref text;
