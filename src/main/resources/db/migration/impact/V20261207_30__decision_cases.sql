-- Ex-ante impact assessment: templates as versioned data, decision cases, alternatives, cells,
-- hearings, follow-up and the frozen versions of assessments.

-- A template version of an organisation: screening rules, needs tests, rows, scales and wording (JSON).
create table impact_template (
    id uuid primary key,
    organisation_id uuid not null,
    version integer not null,
    content jsonb not null,
    note text,
    created_at timestamp with time zone not null default now(),
    created_by text,
    unique (organisation_id, version)
);

create table impact_case (
    id uuid primary key,
    organisation_id uuid not null,
    title_fi text not null,
    title_sv text,
    description_fi text,
    description_sv text,
    body_id uuid,
    sector_id uuid,
    preparers uuid[] not null default '{}',
    diary_number text,
    case_url text,
    starts_on date,
    assessment_due date,
    meeting_on date,
    status text not null check (status in ('DRAFT', 'ASSESSING', 'READY', 'DECIDED', 'FOLLOW_UP', 'CLOSED', 'NOT_ASSESSED')),
    not_assessed_reason text,
    need text check (need in ('REQUIRED', 'RECOMMENDED', 'NOT_REQUIRED')),
    template_version integer not null,
    screening jsonb not null default '{}',
    needs jsonb not null default '{}',
    decided_body_id uuid,
    decided_on date,
    decision_paragraph text,
    chosen_alternative uuid,
    minutes_url text,
    summary_fi text,
    summary_sv text,
    frozen_at timestamp with time zone,
    example boolean not null default false,
    created_at timestamp with time zone not null default now(),
    version integer not null default 0,
    unique (id, organisation_id)
);
create unique index impact_case_diary on impact_case (organisation_id, lower(diary_number)) where diary_number is not null;
create index impact_case_organisation on impact_case (organisation_id, created_at desc);

create table impact_alternative (
    id uuid primary key,
    organisation_id uuid not null,
    case_id uuid not null,
    position integer not null,
    kind text not null check (kind in ('PROPOSAL', 'ZERO', 'OTHER')),
    name_fi text not null,
    name_sv text,
    cost_euros numeric(16, 2),
    version integer not null default 0,
    foreign key (case_id, organisation_id) references impact_case (id, organisation_id) on delete cascade
);
create index impact_alternative_case on impact_alternative (case_id);

-- One cell of the matrix: an alternative's impact on one row over one term.
create table impact_cell (
    id uuid primary key,
    organisation_id uuid not null,
    case_id uuid not null,
    alternative_id uuid not null references impact_alternative (id) on delete cascade,
    row_key text not null,
    term text not null check (term in ('SHORT', 'LONG')),
    direction text not null check (direction in ('POSITIVE', 'NEGATIVE', 'UNCERTAIN', 'NONE')),
    magnitude text check (magnitude in ('SMALL', 'MODERATE', 'LARGE')),
    reasoning text,
    evidence text,
    indicator_id integer,
    indicator_snapshot text,
    mitigation text,
    updated_by text,
    version integer not null default 0,
    unique (alternative_id, row_key, term),
    foreign key (case_id, organisation_id) references impact_case (id, organisation_id) on delete cascade
);
create index impact_cell_case on impact_cell (case_id);

create table impact_hearing (
    id uuid primary key,
    organisation_id uuid not null,
    case_id uuid not null,
    who text not null,
    held_on date,
    method text,
    participants integer,
    said text,
    done text,
    url text,
    version integer not null default 0,
    foreign key (case_id, organisation_id) references impact_case (id, organisation_id) on delete cascade
);

-- What is monitored after the decision, linked to the plan's goal (and the measure added there).
create table impact_follow_up (
    id uuid primary key,
    organisation_id uuid not null,
    case_id uuid not null,
    what text not null,
    indicator_id integer,
    expected text check (expected in ('INCREASE', 'DECREASE', 'MAINTAIN', 'CHECK')),
    responsible text,
    due_on date,
    goal_id uuid,
    measure_id uuid,
    measure_ref text,
    outcome text check (outcome in ('AS_EXPECTED', 'NOT_AS_EXPECTED', 'UNCLEAR')),
    version integer not null default 0,
    foreign key (case_id, organisation_id) references impact_case (id, organisation_id) on delete cascade
);

-- A frozen assessment, kept readable after the case is reopened.
create table impact_frozen (
    id uuid primary key,
    organisation_id uuid not null,
    case_id uuid not null,
    number integer not null,
    frozen_at timestamp with time zone not null default now(),
    reopened_at timestamp with time zone,
    reopen_reason text,
    content jsonb not null,
    version integer not null default 0,
    unique (case_id, number),
    foreign key (case_id, organisation_id) references impact_case (id, organisation_id) on delete cascade
);
