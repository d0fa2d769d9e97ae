-- Pictures in a report's sections: PNG or JPEG, re-encoded without metadata, with alternative texts.
create table report_image (
    id uuid primary key,
    organisation_id uuid not null,
    report_id uuid not null,
    section_id uuid not null,
    position integer not null,
    media_type text not null check (media_type in ('image/png', 'image/jpeg')),
    data bytea not null,
    sha256 text not null,
    width integer not null check (width between 1 and 4000),
    height integer not null check (height between 1 and 4000),
    alt_fi text not null,
    alt_sv text,
    alt_en text,
    caption_fi text,
    caption_sv text,
    caption_en text,
    credit text,
    created_at timestamp with time zone not null default now(),
    version integer not null default 0,
    foreign key (section_id, organisation_id) references report_section (id, organisation_id) on delete cascade
);
create index report_image_section on report_image (organisation_id, section_id, position);
