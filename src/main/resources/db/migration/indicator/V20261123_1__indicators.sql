-- The indicator knowledge base: Sotkanet's regions and indicators (shared by every organisation),
-- organisations' own local indicators, the values with their provenance, and each organisation's
-- indicator set and comparison regions.

create table indicator_region (
    id integer primary key,                 -- Sotkanet's region id
    code text not null,
    category text not null,                 -- KUNTA, HYVINVOINTIALUE, MAAKUNTA, MAA, SEUTUKUNTA, ...
    title_fi text not null,
    title_sv text,
    title_en text,
    member_of integer[] not null default '{}',
    uri text
);
create index indicator_region_category on indicator_region (category, code);

create table indicator (
    id integer primary key,                 -- Sotkanet's id; local indicators take ids from local_indicator_id
    organisation_id uuid references organisation (id), -- null: Sotkanet's, open to all
    code text,                              -- a local indicator's own code, unique in its organisation
    title_fi text not null,
    title_sv text,
    title_en text,
    description_fi text,
    description_sv text,
    description_en text,
    source_fi text,
    source_sv text,
    source_en text,
    unit_fi text,
    unit_sv text,
    unit_en text,
    decimals smallint,
    genders text[] not null default '{total}',
    direction text not null default 'NEUTRAL'
        check (direction in ('HIGHER_IS_BETTER', 'HIGHER_IS_WORSE', 'NEUTRAL')),
    data_updated date,
    range_start smallint,
    range_end smallint,
    metadata jsonb,                         -- the source's own record, as received
    last_batch_id bigint,                   -- where its latest values came from (indicator_batch)
    updated_at timestamptz not null default now(),
    check ((organisation_id is null) = (code is null))
);
create unique index indicator_local_code on indicator (organisation_id, code) where organisation_id is not null;
create sequence local_indicator_id start with 10000000;

-- Every import or refresh is a batch: where the values came from, under which licence, when.
create table indicator_batch (
    id bigserial primary key,
    organisation_id uuid references organisation (id),
    kind text not null check (kind in ('SOTKANET', 'FILE', 'DEMO')),
    source text not null,
    licence text,
    file_name text,
    file_sha256 text,
    retrieved_at timestamptz not null default now(),
    created_by uuid references app_user (id),
    rows_read integer not null default 0,
    values_added integer not null default 0,
    values_changed integer not null default 0,
    values_unchanged integer not null default 0
);

-- No foreign keys here: imports check indicators and regions before loading, and per-row key
-- checks would halve bulk-load speed (docs/benchmarks.md). A null value is a missing or suppressed
-- value, never a zero.
create table indicator_value (
    indicator_id integer not null,
    region_id integer not null,
    year smallint not null,
    gender smallint not null check (gender in (0, 1, 2)), -- 0 total, 1 male, 2 female
    value numeric,
    absolute_value numeric,
    batch_id bigint not null,
    primary key (indicator_id, region_id, year, gender)
);

create table indicator_value_change (
    batch_id bigint not null references indicator_batch (id),
    indicator_id integer not null,
    region_id integer not null,
    year smallint not null,
    gender smallint not null,
    old_value numeric,
    new_value numeric,
    old_absolute_value numeric,
    new_absolute_value numeric
);
create index indicator_value_change_batch on indicator_value_change (batch_id);

-- An uploaded file waiting for the user's confirmation after its preview.
create table indicator_upload (
    id uuid primary key,
    organisation_id uuid not null references organisation (id),
    uploaded_by uuid not null references app_user (id),
    file_name text not null,
    content bytea,
    sha256 text not null,
    preview jsonb not null,
    created_at timestamptz not null default now(),
    batch_id bigint references indicator_batch (id),
    check_job uuid,
    import_job uuid
);
create index indicator_upload_recent on indicator_upload (organisation_id, created_at desc);

-- Long work (a Sotkanet refresh, an import): progress readable by any node; one running job per scope.
create table indicator_job (
    id uuid primary key,
    organisation_id uuid references organisation (id),
    kind text not null check (kind in ('REFRESH', 'CHECK', 'IMPORT')),
    scope text not null,
    status text not null check (status in ('RUNNING', 'DONE', 'FAILED')),
    total bigint not null default 0,
    done bigint not null default 0,
    errors integer not null default 0,
    message text,
    result jsonb,
    started_by uuid references app_user (id),
    started_at timestamptz not null default now(),
    heartbeat_at timestamptz not null default now(),
    finished_at timestamptz
);
-- One running job per scope: an organisation's check and import exclude each other, too.
create unique index indicator_job_one_running on indicator_job (scope) where status = 'RUNNING';
create index indicator_job_recent on indicator_job (organisation_id, started_at desc);

create table indicator_set_item (
    organisation_id uuid not null references organisation (id),
    indicator_id integer not null references indicator (id),
    age_group text not null check (age_group in ('CHILDREN', 'YOUNG', 'WORKING_AGE', 'OLDER', 'EVERYONE')),
    theme text not null,
    position integer not null default 0,
    primary key (organisation_id, indicator_id)
);

create table comparison_region (
    organisation_id uuid not null references organisation (id),
    region_id integer not null references indicator_region (id),
    primary key (organisation_id, region_id)
);
