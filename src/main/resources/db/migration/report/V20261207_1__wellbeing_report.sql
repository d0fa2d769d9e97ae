-- The wellbeing report (hyvinvointikertomus): an annual report, the extended report and plan of a
-- council term, or a county's regional report. A report is written in sections of Markdown text and
-- live blocks (indicator charts, plan progress, the maturity matrix …); when its body approves it,
-- the locked content becomes an immutable snapshot with a SHA-256 fingerprint. Every row carries its
-- organisation and every reference inside the report is a composite key with it.
create table report (
    id uuid primary key,
    organisation_id uuid not null references organisation (id) on delete cascade,
    kind text not null check (kind in ('ANNUAL', 'EXTENDED', 'REGIONAL')),
    title_fi text not null,
    title_sv text,
    title_en text,
    first_year integer not null,
    last_year integer not null,
    plan_id uuid,
    status text not null default 'DRAFT'
        check (status in ('DRAFT', 'REVIEW', 'FOR_DECISION', 'APPROVED', 'PUBLISHED')),
    outline_id text not null,
    outline_version integer not null,
    based_on uuid,
    swedish_required boolean not null default false,
    example boolean not null default false,
    summary_fi text,
    summary_sv text,
    summary_en text,
    no_summary_reason text,
    change_threshold numeric(6, 2) not null default 10 check (change_threshold > 0),
    correction_reason text,
    locked_content text,
    locked_at timestamp with time zone,
    sent_to_county_at timestamp with time zone,
    version integer not null default 0,
    created_at timestamp with time zone not null default now(),
    unique (id, organisation_id),
    check (last_year between first_year and first_year + 9),
    foreign key (based_on, organisation_id) references report (id, organisation_id)
);
create index report_organisation on report (organisation_id, last_year desc);

create table report_section (
    id uuid primary key,
    organisation_id uuid not null,
    report_id uuid not null,
    position integer not null,
    outline_key text,
    title_fi text not null,
    title_sv text,
    title_en text,
    body_fi text,
    body_sv text,
    body_en text,
    author_person_id uuid,
    sector_id uuid,
    due_on date,
    reviewed_at timestamp with time zone,
    reviewed_by text,
    version integer not null default 0,
    unique (id, organisation_id),
    foreign key (report_id, organisation_id) references report (id, organisation_id) on delete cascade
);
create index report_section_report on report_section (report_id, position);

create table report_block (
    id uuid primary key,
    organisation_id uuid not null,
    report_id uuid not null,
    section_id uuid not null,
    position integer not null,
    kind text not null check (kind in ('INDICATOR', 'SET_OVERVIEW', 'INEQUALITY', 'PLAN_PROGRESS', 'GOAL_PROGRESS',
        'EVALUATIONS', 'MATURITY', 'JOYS_WORRIES', 'MINIMUM_DATA', 'WHAT_CHANGED', 'MEMBERS_INDICATOR',
        'MEMBER_REPORTS')),
    indicator_id integer,
    gender text check (gender in ('total', 'male', 'female')),
    goal_id uuid,
    year integer,
    show_previous boolean not null default false,
    reviewed_fingerprint text,
    unique (id, organisation_id),
    foreign key (section_id, organisation_id) references report_section (id, organisation_id) on delete cascade
);
create index report_block_section on report_block (section_id, position);

-- Comments on a section or one of its blocks: threaded, resolvable, never published.
create table report_comment (
    id uuid primary key,
    organisation_id uuid not null,
    section_id uuid not null,
    block_id uuid,
    parent_id uuid,
    author_name text not null,
    author_user uuid,
    body text not null check (length(body) between 1 and 4000),
    created_at timestamp with time zone not null default now(),
    resolved_at timestamp with time zone,
    resolved_by text,
    unique (id, organisation_id),
    foreign key (section_id, organisation_id) references report_section (id, organisation_id) on delete cascade,
    foreign key (parent_id, organisation_id) references report_comment (id, organisation_id) on delete cascade
);
create index report_comment_section on report_comment (section_id, created_at);

-- Each handling of the locked report by a body (committee → board → council).
create table report_handling (
    id uuid primary key,
    organisation_id uuid not null,
    report_id uuid not null,
    body_id uuid,
    body_name text not null,
    meeting_on date not null,
    paragraph text not null,
    minutes_url text,
    outcome text not null check (outcome in ('FORWARDED', 'RETURNED', 'APPROVED', 'AMENDED')),
    amendment text,
    recorded_at timestamp with time zone not null default now(),
    recorded_by text not null,
    foreign key (report_id, organisation_id) references report (id, organisation_id) on delete cascade
);
create index report_handling_report on report_handling (report_id, recorded_at);

-- The approved versions. The content is stored as the exact text its fingerprint was taken of.
create table report_snapshot (
    id uuid primary key,
    organisation_id uuid not null,
    report_id uuid not null,
    version_no integer not null,
    content text not null,
    sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
    body_name text not null,
    decided_on date not null,
    paragraph text not null,
    minutes_url text,
    correction_reason text,
    approved_at timestamp with time zone not null default now(),
    approved_by text not null,
    published_at timestamp with time zone,
    unique (report_id, version_no),
    foreign key (report_id, organisation_id) references report (id, organisation_id)
);

-- A snapshot is the record of what a body decided: the database itself refuses to change or delete
-- one. Only its publication time may be set, once.
create function report_snapshot_immutable() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'report_snapshot % is immutable', old.id using errcode = 'check_violation';
    end if;
    if (new.id, new.organisation_id, new.report_id, new.version_no, new.content, new.sha256, new.body_name,
            new.decided_on, new.paragraph, new.minutes_url, new.correction_reason, new.approved_at, new.approved_by)
        is distinct from
       (old.id, old.organisation_id, old.report_id, old.version_no, old.content, old.sha256, old.body_name,
            old.decided_on, old.paragraph, old.minutes_url, old.correction_reason, old.approved_at, old.approved_by)
       or (old.published_at is not null and new.published_at is distinct from old.published_at) then
        raise exception 'report_snapshot % is immutable', old.id using errcode = 'check_violation';
    end if;
    return new;
end;
$$;
create trigger report_snapshot_immutable before update or delete on report_snapshot
    for each row execute function report_snapshot_immutable();

-- Files made from a snapshot in the background (PDF, DOCX); derived, so they may be made again.
create table report_export (
    snapshot_id uuid not null references report_snapshot (id),
    organisation_id uuid not null,
    format text not null check (format in ('pdf', 'docx')),
    language text not null check (language in ('fi', 'sv', 'en')),
    bytes bytea not null,
    created_at timestamp with time zone not null default now(),
    primary key (snapshot_id, format, language)
);

-- THL's minimum data list: each item placed in a section or omitted with a reason.
create table report_minimum_item (
    organisation_id uuid not null,
    report_id uuid not null,
    item_key text not null,
    section_id uuid,
    omitted_reason text,
    primary key (report_id, item_key),
    foreign key (report_id, organisation_id) references report (id, organisation_id) on delete cascade,
    foreign key (section_id, organisation_id) references report_section (id, organisation_id) on delete set null (section_id),
    check (section_id is null or omitted_reason is null)
);

-- Joys and worries (ilon- ja huolenaiheet) recorded by sectors and partners, linked to indicators.
create table report_joy_worry (
    id uuid primary key,
    organisation_id uuid not null,
    report_id uuid not null,
    kind text not null check (kind in ('JOY', 'WORRY')),
    source text not null,
    text text not null check (length(text) between 1 and 2000),
    indicator_id integer,
    created_at timestamp with time zone not null default now(),
    foreign key (report_id, organisation_id) references report (id, organisation_id) on delete cascade
);
create index report_joy_worry_report on report_joy_worry (report_id, kind, created_at);

-- A county's record of a member municipality's extended report kept outside Hyte (a link).
create table report_member_link (
    id uuid primary key,
    organisation_id uuid not null references organisation (id) on delete cascade,
    member_name text not null,
    title text not null,
    url text not null,
    approved_on date,
    received_on date,
    created_at timestamp with time zone not null default now()
);

-- A municipality's approved extended report sent to its county: the county reads only this, never a draft.
create table report_sent (
    snapshot_id uuid not null references report_snapshot (id),
    from_organisation uuid not null references organisation (id) on delete cascade,
    to_organisation uuid not null references organisation (id) on delete cascade,
    sent_at timestamp with time zone not null default now(),
    sent_by text not null,
    primary key (snapshot_id, to_organisation)
);
