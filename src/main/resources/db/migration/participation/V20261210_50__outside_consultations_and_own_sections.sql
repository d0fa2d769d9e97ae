-- Issue 14 §1: a consultation run outside Hyte (otakantaa.fi, kuntalaisaloite.fi or another
-- service), recorded by a coordinator. The consultation row keeps the title, the open dates and, in
-- its intro columns, the summary of what was said; this row says where it ran, its address and how
-- many took part. Its themes are the consultation's own (participation_theme), so they go through
-- "you said, we did" like any other consultation's. Residents never answer it in Hyte.
create table consultation_outside (
    consultation_id uuid primary key,
    organisation_id uuid not null,
    service text not null check (service in ('OTAKANTAA', 'KUNTALAISALOITE', 'OTHER')),
    url text not null check (url ~ '^https?://[^\s]+$' and length(url) <= 500),
    participants integer check (participants between 0 and 10000000),
    foreign key (consultation_id, organisation_id) references consultation (id, organisation_id) on delete cascade
);
create index consultation_outside_organisation on consultation_outside (organisation_id);

-- Issue 14 §2: a topic consultation's own sections, written by the coordinator (a heading and a
-- text); a section from the plan or a report draft has a ref and no text.
alter table consultation_section add column text_fi text check (length(text_fi) <= 5000);
alter table consultation_section add column text_sv text check (length(text_sv) <= 5000);
alter table consultation_section add column text_en text check (length(text_en) <= 5000);
