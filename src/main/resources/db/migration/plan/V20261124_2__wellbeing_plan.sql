-- The wellbeing plan of a council term: policy lines, goals with indicator targets, measures with
-- owners, resources and budget links, and yearly evaluations. Every row carries its organisation,
-- and every reference within the plan is a composite key with it, so no row can point across
-- organisations. Lines, goals and measures each have a number (ref) that never changes or repeats
-- within the plan (one counter per kind): the stable id of exports and round-trip imports.
create table plan (
    id uuid primary key,
    organisation_id uuid not null references organisation (id) on delete cascade,
    title_fi text not null,
    title_sv text,
    first_year integer not null,
    last_year integer not null,
    strategy_title text,
    strategy_url text,
    example boolean not null default false,
    next_line_ref integer not null default 1,
    next_goal_ref integer not null default 1,
    next_measure_ref integer not null default 1,
    version integer not null default 0,
    created_at timestamp with time zone not null default now(),
    unique (id, organisation_id),
    unique (organisation_id, first_year),
    check (last_year between first_year and first_year + 9)
);

-- The organisation's wellbeing dimensions: four to start with, adjustable (e.g. Vantaa's five areas).
create table plan_dimension (
    id uuid primary key,
    organisation_id uuid not null references organisation (id) on delete cascade,
    name_fi text not null,
    name_sv text,
    position integer not null,
    version integer not null default 0,
    unique (id, organisation_id)
);
create index plan_dimension_organisation on plan_dimension (organisation_id, position);

create table policy_line (
    id uuid primary key,
    organisation_id uuid not null,
    plan_id uuid not null,
    ref integer not null,
    position integer not null,
    title_fi text not null,
    title_sv text,
    description_fi text,
    description_sv text,
    strategy_ref text,
    version integer not null default 0,
    unique (id, organisation_id),
    unique (plan_id, ref),
    foreign key (plan_id, organisation_id) references plan (id, organisation_id) on delete cascade
);
create index policy_line_plan on policy_line (organisation_id, plan_id, position);

create table goal (
    id uuid primary key,
    organisation_id uuid not null,
    plan_id uuid not null,
    line_id uuid not null,
    ref integer not null,
    position integer not null,
    title_fi text not null,
    title_sv text,
    description_fi text,
    description_sv text,
    dimension_ids uuid[] not null default '{}',
    target_groups text[] not null default '{}',
    inequality_focus text,
    owner_person_id uuid,
    owner_body_id uuid,
    version integer not null default 0,
    updated_at timestamp with time zone not null default now(),
    updated_by text,
    unique (id, organisation_id),
    unique (plan_id, ref),
    foreign key (line_id, organisation_id) references policy_line (id, organisation_id) on delete cascade,
    foreign key (owner_person_id, organisation_id) references person (id, organisation_id)
        on delete set null (owner_person_id),
    foreign key (owner_body_id, organisation_id) references body (id, organisation_id)
        on delete set null (owner_body_id)
);
create index goal_plan on goal (organisation_id, plan_id, position);

create table goal_indicator (
    id uuid primary key,
    organisation_id uuid not null,
    goal_id uuid not null,
    indicator_id integer not null references indicator (id) on delete cascade,
    gender smallint not null default 0 check (gender between 0 and 2),
    baseline_year integer,
    baseline_value numeric,
    target_value numeric,
    target_year integer,
    direction text not null check (direction in ('INCREASE', 'DECREASE', 'MAINTAIN')),
    version integer not null default 0,
    unique (goal_id, indicator_id, gender),
    foreign key (goal_id, organisation_id) references goal (id, organisation_id) on delete cascade
);
create index goal_indicator_organisation on goal_indicator (organisation_id, goal_id);

create table measure (
    id uuid primary key,
    organisation_id uuid not null,
    plan_id uuid not null,
    goal_id uuid not null,
    ref integer not null,
    position integer not null,
    title_fi text not null,
    title_sv text,
    description_fi text,
    description_sv text,
    sector_id uuid,
    owner_person_id uuid,
    partner_sector_ids uuid[] not null default '{}',
    partners text,
    starts_on date,
    ends_on date,
    work_years numeric(8, 2),
    euros numeric(14, 2),
    grants text,
    grant_euros numeric(14, 2),
    premises text,
    budget_ref text,
    budget_binding boolean not null default false,
    status text not null check (status in ('PLANNED', 'ONGOING', 'DONE', 'LATE', 'CANCELLED')),
    progress integer not null default 0 check (progress between 0 and 100),
    version integer not null default 0,
    updated_at timestamp with time zone not null default now(),
    updated_by text,
    unique (id, organisation_id),
    unique (plan_id, ref),
    check (ends_on is null or starts_on is null or ends_on >= starts_on),
    foreign key (goal_id, organisation_id) references goal (id, organisation_id) on delete cascade,
    foreign key (sector_id, organisation_id) references sector (id, organisation_id) on delete set null (sector_id),
    foreign key (owner_person_id, organisation_id) references person (id, organisation_id)
        on delete set null (owner_person_id)
);
create index measure_plan on measure (organisation_id, plan_id, goal_id, position);

-- A yearly evaluation of a goal or of a measure (exactly one of them).
create table evaluation (
    id uuid primary key,
    organisation_id uuid not null,
    plan_id uuid not null,
    goal_id uuid,
    measure_id uuid,
    year integer not null,
    realised text not null check (realised in ('YES', 'PARTLY', 'NO')),
    assessment text,
    evidence text,
    evidence_url text,
    version integer not null default 0,
    updated_at timestamp with time zone not null default now(),
    updated_by text,
    check ((goal_id is null) <> (measure_id is null)),
    unique (goal_id, year),
    unique (measure_id, year),
    foreign key (plan_id, organisation_id) references plan (id, organisation_id) on delete cascade,
    foreign key (goal_id, organisation_id) references goal (id, organisation_id) on delete cascade,
    foreign key (measure_id, organisation_id) references measure (id, organisation_id) on delete cascade
);
create index evaluation_plan on evaluation (organisation_id, plan_id);
