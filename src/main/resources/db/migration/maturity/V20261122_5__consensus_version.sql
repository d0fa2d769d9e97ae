-- Agreed levels are saved with optimistic locking like everything else.
alter table maturity_consensus add column version integer not null default 0;
