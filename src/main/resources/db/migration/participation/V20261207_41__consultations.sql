-- Consultations on a draft (issue 14 §2): a coordinator opens one with an intro, an open period,
-- sections open to comment, up to 10 questions, invited councils and a moderation mode; residents
-- answer without signing in. Client addresses are kept only as a hash keyed by the day.
alter table public_site add column bilingual boolean not null default false;

create table consultation (
    id uuid primary key,
    organisation_id uuid not null references organisation (id) on delete cascade,
    plan_id uuid,
    title_fi text not null,
    title_sv text,
    title_en text,
    intro_fi text not null,
    intro_sv text,
    intro_en text,
    opens_at timestamp with time zone not null,
    closes_at timestamp with time zone not null,
    moderation text not null check (moderation in ('PRE', 'POST')),
    published boolean not null default false,
    invited_bodies uuid[] not null default '{}',
    version integer not null default 0,
    created_at timestamp with time zone not null default now(),
    unique (id, organisation_id),
    check (closes_at > opens_at)
);
create index consultation_organisation on consultation (organisation_id, opens_at desc);

-- A part of the draft open to comment (a policy line or goal of the plan), its title as it was.
create table consultation_section (
    id uuid primary key,
    organisation_id uuid not null,
    consultation_id uuid not null,
    position integer not null,
    ref text,
    title_fi text not null,
    title_sv text,
    title_en text,
    foreign key (consultation_id, organisation_id) references consultation (id, organisation_id) on delete cascade,
    unique (id, organisation_id)
);

create table consultation_question (
    id uuid primary key,
    organisation_id uuid not null,
    consultation_id uuid not null,
    position integer not null,
    kind text not null check (kind in ('CHOICE', 'SCALE', 'TEXT')),
    text_fi text not null,
    text_sv text,
    text_en text,
    choices jsonb not null default '[]',
    foreign key (consultation_id, organisation_id) references consultation (id, organisation_id) on delete cascade,
    unique (id, organisation_id)
);

-- One resident's answer. HELD answers wait for a moderator; client_hash is sha-256 of the day's
-- key and the address, so the same client is recognised for throttling for one day only.
create table consultation_response (
    id uuid primary key,
    organisation_id uuid not null,
    consultation_id uuid not null,
    submitted_at timestamp with time zone not null default now(),
    nickname text,
    age_group text,
    postal_area text,
    status text not null check (status in ('PUBLISHED', 'HELD', 'REMOVED')),
    held_reason text,
    client_hash text,
    content_hash text not null,
    foreign key (consultation_id, organisation_id) references consultation (id, organisation_id) on delete cascade,
    unique (id, organisation_id),
    unique (consultation_id, content_hash)
);
create index consultation_response_client on consultation_response (consultation_id, client_hash, submitted_at);

create table consultation_answer (
    response_id uuid not null references consultation_response (id) on delete cascade,
    organisation_id uuid not null,
    question_id uuid,
    section_id uuid,
    choice integer,
    scale integer check (scale between 1 and 5),
    text text check (length(text) <= 5000),
    check ((question_id is null) <> (section_id is null))
);
create index consultation_answer_response on consultation_answer (response_id);

-- E-mail addresses kept apart from the answers, only to say that the results are out.
create table consultation_email (
    response_id uuid primary key references consultation_response (id) on delete cascade,
    organisation_id uuid not null,
    email text not null,
    created_at timestamp with time zone not null default now()
);

-- The keys of the public forms' signed tokens and of the daily client hashes, shared by all nodes.
create table participation_key (
    name text primary key,
    secret bytea not null,
    created_at timestamp with time zone not null default now()
);
