-- Whether an organisation shares its agreed maturity levels with the others of its wellbeing services
-- county, and whether its name may be shown with them (otherwise it appears anonymised).
create table maturity_sharing (
    organisation_id uuid primary key,
    shares boolean not null default false,
    shows_name boolean not null default false,
    updated_at timestamp with time zone not null default now(),
    version integer not null default 0
);
