-- Where a measure came from when another part of Hyte proposed it (e.g. a development action of the
-- maturity self-assessment): what to call it and where to find it. The plan keeps only the words and
-- the path, so that it depends on no other module.
create table measure_origin (
    measure_id uuid primary key,
    organisation_id uuid not null,
    kind text not null,
    label text not null,
    path text not null,
    created_at timestamptz not null default now(),
    foreign key (measure_id, organisation_id) references measure (id, organisation_id) on delete cascade
);
