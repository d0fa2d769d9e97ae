-- After how many years an indicator's latest value is marked as old data ("vanha tieto"); each
-- organisation sets its own, 3 years by default.
alter table organisation add column stale_after_years integer not null default 3
    check (stale_after_years between 1 and 30);
