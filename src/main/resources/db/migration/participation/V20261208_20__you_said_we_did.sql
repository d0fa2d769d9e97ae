-- "You said, we did" (issue 14 §5), summaries (§6) and joys and worries (§3).
-- Every comment gets its own id so that it can be answered and grouped into a theme.
alter table consultation_answer add column id uuid not null default gen_random_uuid();
alter table consultation_answer add primary key (id);
alter table consultation add column concluded_at timestamp with time zone;
alter table consultation add column concluded_by text;

-- A collection of joys and worries on the public site: standing (no end) or timed.
create table joy_collection (
    id uuid primary key,
    organisation_id uuid not null references organisation (id) on delete cascade,
    title_fi text not null,
    title_sv text,
    title_en text,
    intro_fi text,
    intro_sv text,
    intro_en text,
    opens_at timestamp with time zone not null,
    closes_at timestamp with time zone,
    published boolean not null default false,
    example boolean not null default false,
    version integer not null default 0,
    created_at timestamp with time zone not null default now(),
    unique (id, organisation_id),
    check (closes_at is null or closes_at > opens_at)
);

-- A joy or a worry: a resident's (source null) or a workshop's result entered by staff (source named).
create table joy_item (
    id uuid primary key,
    organisation_id uuid not null,
    collection_id uuid not null,
    kind text not null check (kind in ('JOY', 'WORRY')),
    text text not null check (length(text) between 1 and 5000),
    dimension text,
    age_group text,
    postal_area text,
    source text,
    status text not null default 'PUBLISHED' check (status in ('PUBLISHED', 'HELD', 'REMOVED')),
    client_hash text,
    content_hash text not null,
    submitted_at timestamp with time zone not null default now(),
    added_by text,
    version integer not null default 0,
    foreign key (collection_id, organisation_id) references joy_collection (id, organisation_id) on delete cascade,
    unique (collection_id, content_hash)
);
create index joy_item_client on joy_item (collection_id, client_hash, submitted_at);

-- A theme the coordinator groups comments (of a consultation) or joys and worries (of a collection)
-- into. A joys-and-worries theme has a kind and may be linked to indicators.
create table participation_theme (
    id uuid primary key,
    organisation_id uuid not null references organisation (id) on delete cascade,
    consultation_id uuid,
    collection_id uuid,
    kind text check (kind in ('JOY', 'WORRY')),
    title_fi text not null,
    title_sv text,
    title_en text,
    indicator_ids integer[] not null default '{}',
    version integer not null default 0,
    created_at timestamp with time zone not null default now(),
    foreign key (consultation_id, organisation_id) references consultation (id, organisation_id) on delete cascade,
    foreign key (collection_id, organisation_id) references joy_collection (id, organisation_id) on delete cascade,
    check ((consultation_id is null) <> (collection_id is null))
);
create index participation_theme_owner on participation_theme (organisation_id, consultation_id, collection_id);

-- Which theme an item (a comment or a joy/worry) is grouped into: at most one.
create table participation_theme_item (
    item_id uuid primary key,
    organisation_id uuid not null,
    theme_id uuid not null references participation_theme (id) on delete cascade
);
create index participation_theme_item_theme on participation_theme_item (theme_id);

-- The answer to an item (a comment, a theme; later a statement or a feedback item) of a
-- consultation: its outcome, the text in Finnish and Swedish, links to the plan's goals and measures
-- (by their stable refs, with their titles as they were) or to where the matter belongs.
create table participation_outcome (
    id uuid primary key,
    organisation_id uuid not null,
    consultation_id uuid not null,
    target_kind text not null check (target_kind in ('COMMENT', 'THEME', 'STATEMENT', 'FEEDBACK')),
    target_id uuid not null,
    outcome text not null check (outcome in ('PLAN_CHANGED', 'COVERED', 'NOT_TAKEN', 'ELSEWHERE')),
    text_fi text check (length(text_fi) <= 5000),
    text_sv text check (length(text_sv) <= 5000),
    elsewhere_url text,
    links jsonb not null default '[]',
    version integer not null default 0,
    answered_at timestamp with time zone not null default now(),
    answered_by text,
    foreign key (consultation_id, organisation_id) references consultation (id, organisation_id) on delete cascade,
    unique (target_kind, target_id)
);
create index participation_outcome_consultation on participation_outcome (organisation_id, consultation_id);
