-- Maturity self-assessment: versioned models (reference data), rounds, answers, consensus, actions.
create table maturity_model (
    id text not null,
    version integer not null,
    definition jsonb not null,
    loaded_at timestamp with time zone not null default now(),
    primary key (id, version)
);

create table maturity_round (
    id uuid primary key,
    organisation_id uuid not null,
    model_id text not null,
    model_version integer not null,
    title text not null,
    assessed_on date not null,
    deadline date,
    status text not null check (status in ('OPEN', 'REVIEW', 'CLOSED')),
    answers_hidden boolean not null default true,
    created_at timestamp with time zone not null default now(),
    closed_at timestamp with time zone,
    version integer not null default 0,
    unique (id, organisation_id),
    foreign key (model_id, model_version) references maturity_model (id, version)
);
create index maturity_round_organisation on maturity_round (organisation_id, assessed_on desc);

-- A respondent: a Hyte user answering for themselves, or someone whose answers the coordinator records.
create table maturity_participant (
    id uuid primary key,
    organisation_id uuid not null,
    round_id uuid not null,
    name text not null,
    user_id uuid,
    person_id uuid,
    status text not null default 'DRAFT' check (status in ('DRAFT', 'SUBMITTED')),
    submitted_at timestamp with time zone,
    version integer not null default 0,
    unique (id, organisation_id),
    unique (round_id, user_id),
    foreign key (round_id, organisation_id) references maturity_round (id, organisation_id) on delete cascade
);

create table maturity_answer (
    organisation_id uuid not null,
    participant_id uuid not null,
    criterion text not null,
    level integer check (level between 1 and 4),
    justification text,
    evidence text,
    primary key (participant_id, criterion),
    foreign key (participant_id, organisation_id) references maturity_participant (id, organisation_id)
        on delete cascade
);

create table maturity_consensus (
    organisation_id uuid not null,
    round_id uuid not null,
    criterion text not null,
    level integer not null check (level between 1 and 4),
    rationale text,
    decided_by text not null,
    decided_at timestamp with time zone not null default now(),
    primary key (round_id, criterion),
    foreign key (round_id, organisation_id) references maturity_round (id, organisation_id) on delete cascade
);

create table maturity_action (
    id uuid primary key,
    organisation_id uuid not null,
    round_id uuid not null,
    criterion text not null,
    title text not null,
    owner text,
    due_on date,
    done boolean not null default false,
    version integer not null default 0,
    foreign key (round_id, organisation_id) references maturity_round (id, organisation_id) on delete cascade
);
create index maturity_action_round on maturity_action (organisation_id, round_id);
