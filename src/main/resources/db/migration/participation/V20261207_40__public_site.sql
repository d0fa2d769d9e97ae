-- The organisation's public site (issue 14 §1): its address, the texts written for residents, and
-- what a coordinator has explicitly published. The plan and a year's evaluations are stored as they
-- were when published (a snapshot), so later drafts never reach the public; the key indicators are
-- drawn live from the knowledge base. publication_version changes with every publication and is
-- part of the pages' ETag.
create table public_site (
    organisation_id uuid primary key references organisation (id) on delete cascade,
    slug text not null unique check (slug ~ '^[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?$'),
    online boolean not null default false,
    example boolean not null default false,
    summary_fi text,
    summary_sv text,
    summary_en text,
    contact_fi text,
    contact_sv text,
    contact_en text,
    contact_email text,
    contact_phone text,
    privacy_fi text,
    privacy_sv text,
    privacy_en text,
    accessibility_status text not null default 'PARTIAL'
        check (accessibility_status in ('FULL', 'PARTIAL', 'NONE')),
    accessibility_gaps_fi text,
    accessibility_gaps_sv text,
    accessibility_gaps_en text,
    accessibility_feedback text,
    accessibility_checked_on date,
    publication_version bigint not null default 1,
    version integer not null default 0,
    updated_at timestamp with time zone not null default now(),
    updated_by text
);

-- The published plan: at most one per organisation, as it stood when the coordinator published it.
create table public_plan (
    organisation_id uuid primary key references public_site (organisation_id) on delete cascade,
    plan_id uuid not null,
    content jsonb not null,
    published_at timestamp with time zone not null default now(),
    published_by text
);

-- A year's evaluations of the published plan, published separately.
create table public_evaluations (
    organisation_id uuid not null references public_site (organisation_id) on delete cascade,
    plan_id uuid not null,
    year integer not null,
    content jsonb not null,
    published_at timestamp with time zone not null default now(),
    published_by text,
    primary key (organisation_id, plan_id, year)
);

-- The key indicators shown on the public site (at most 12), in the chosen order.
create table public_indicator (
    organisation_id uuid not null references public_site (organisation_id) on delete cascade,
    indicator_id integer not null,
    position integer not null,
    primary key (organisation_id, indicator_id)
);
