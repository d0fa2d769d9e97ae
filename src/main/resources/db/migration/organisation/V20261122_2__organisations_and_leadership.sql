-- Official regions (reference data, shared by all tenants) and each organisation's leadership structure.
create table region (
    kind text not null check (kind in ('MUNICIPALITY', 'WELLBEING_COUNTY', 'REGION')),
    code text not null,
    name_fi text not null,
    name_sv text,
    name_en text,
    county_code text,
    region_code text,
    sotkanet_id integer,
    municipality_group text,
    language_ratio text,
    primary key (kind, code)
);

create table reference_data (
    name text primary key,
    checksum text not null,
    loaded_at timestamp with time zone not null default now()
);

create table organisation (
    id uuid primary key,
    type text not null check (type in ('MUNICIPALITY', 'WELLBEING_COUNTY', 'REGIONAL_COUNCIL', 'OTHER')),
    name_fi text not null,
    name_sv text,
    region_kind text,
    region_code text,
    created_at timestamp with time zone not null default now(),
    version integer not null default 0,
    foreign key (region_kind, region_code) references region (kind, code)
);

create table sector (
    id uuid primary key,
    organisation_id uuid not null references organisation (id) on delete cascade,
    name_fi text not null,
    name_sv text,
    position integer not null default 0,
    version integer not null default 0,
    unique (id, organisation_id)
);
create index sector_organisation on sector (organisation_id);

create table person (
    id uuid primary key,
    organisation_id uuid not null references organisation (id) on delete cascade,
    name text not null,
    title text,
    sector_id uuid,
    affiliation text not null check (affiliation in
        ('STAFF', 'ELECTED', 'WELLBEING_COUNTY', 'PARISH', 'NGO', 'RESIDENT', 'COMPANY', 'OTHER')),
    affiliation_name text,
    email text,
    phone text,
    in_management_group boolean not null default false,
    version integer not null default 0,
    unique (id, organisation_id),
    -- A person's sector is always one of their own organisation's sectors.
    foreign key (sector_id, organisation_id) references sector (id, organisation_id) on delete set null (sector_id)
);
create index person_organisation on person (organisation_id, lower(name));

create table body (
    id uuid primary key,
    organisation_id uuid not null references organisation (id) on delete cascade,
    type text not null check (type in ('COUNCIL', 'BOARD', 'COMMITTEE', 'MANAGEMENT_GROUP', 'WELLBEING_GROUP',
        'YOUTH_COUNCIL', 'OLDER_PEOPLE_COUNCIL', 'DISABILITY_COUNCIL', 'OTHER')),
    name_fi text not null,
    name_sv text,
    version integer not null default 0,
    unique (id, organisation_id)
);
create index body_organisation on body (organisation_id);

create table body_member (
    id uuid primary key,
    organisation_id uuid not null references organisation (id) on delete cascade,
    body_id uuid not null,
    person_id uuid not null,
    role text not null check (role in ('CHAIR', 'VICE_CHAIR', 'SECRETARY', 'MEMBER', 'DEPUTY', 'EXPERT')),
    version integer not null default 0,
    unique (body_id, person_id),
    foreign key (body_id, organisation_id) references body (id, organisation_id) on delete cascade,
    foreign key (person_id, organisation_id) references person (id, organisation_id) on delete cascade
);
create index body_member_organisation on body_member (organisation_id, body_id);

create table responsibility (
    id uuid primary key,
    organisation_id uuid not null references organisation (id) on delete cascade,
    kind text not null check (kind in ('ACCOUNTABLE_MANAGEMENT', 'COORDINATOR', 'REPORT_PREPARATION', 'MONITORING',
        'IMPACT_ASSESSMENT_SUPPORT', 'PARTICIPATION', 'BUDGET_LINKAGE', 'COMMUNICATION', 'COUNTY_COOPERATION',
        'OTHER')),
    person_id uuid,
    body_id uuid,
    description_fi text,
    description_sv text,
    version integer not null default 0,
    foreign key (person_id, organisation_id) references person (id, organisation_id) on delete set null (person_id),
    foreign key (body_id, organisation_id) references body (id, organisation_id) on delete set null (body_id)
);
create index responsibility_organisation on responsibility (organisation_id);
