-- Moderation, abuse and privacy (issue 14 §7), councils' statements and feedback on a measure (§4).

-- A moderator's decision on an answer: who, when, why; the version refuses the later of two
-- moderators. withdraw_hash is sha-256 of the private link's token that lets the author withdraw.
alter table consultation_response add column version integer not null default 0;
alter table consultation_response add column removed_reason text
    check (removed_reason in ('PERSONAL_DATA', 'HARASSMENT', 'SPAM', 'OFF_TOPIC', 'OTHER'));
alter table consultation_response add column removed_note text check (length(removed_note) <= 500);
alter table consultation_response add column edited boolean not null default false;
alter table consultation_response add column moderated_by text;
alter table consultation_response add column moderated_at timestamp with time zone;
alter table consultation_response add column flags integer not null default 0;
alter table consultation_response add column withdraw_hash text unique;
alter table consultation_response add column text_purged_at timestamp with time zone;
create index consultation_response_queue on consultation_response (organisation_id, status, flags);

-- The text as the resident wrote it, kept while a moderator's edit shows; purged with removed text.
alter table consultation_answer add column original_text text;

-- A classroom sharing one network gives this code and is not throttled as one client.
alter table consultation add column workshop_code text check (workshop_code ~ '^[A-Z0-9]{4,20}$');

-- Residents' flags on a published answer; client_hash (day-keyed) throttles them and is gone after 48 h.
create table consultation_flag (
    id uuid primary key,
    organisation_id uuid not null,
    consultation_id uuid not null,
    response_id uuid not null references consultation_response (id) on delete cascade,
    client_hash text,
    created_at timestamp with time zone not null default now(),
    foreign key (consultation_id, organisation_id) references consultation (id, organisation_id) on delete cascade
);
create index consultation_flag_client on consultation_flag (consultation_id, client_hash, created_at);

-- A council's statement on a consultation: invited with a deadline, then GIVEN (meeting date and
-- section of the minutes, the text) or NONE ("no statement given"). The body's name is kept as it
-- was, so the statement stays published under it.
create table council_statement (
    id uuid primary key,
    organisation_id uuid not null,
    consultation_id uuid not null,
    body_id uuid not null,
    body_name_fi text not null,
    body_name_sv text,
    deadline date,
    state text not null default 'INVITED' check (state in ('INVITED', 'GIVEN', 'NONE')),
    meeting_date date,
    meeting_section text check (length(meeting_section) <= 40),
    text_fi text check (length(text_fi) <= 20000),
    text_sv text check (length(text_sv) <= 20000),
    entered_by text,
    entered_at timestamp with time zone,
    version integer not null default 0,
    foreign key (consultation_id, organisation_id) references consultation (id, organisation_id) on delete cascade,
    unique (consultation_id, body_id),
    check (state <> 'GIVEN' or (meeting_date is not null and text_fi is not null))
);

-- A resident's feedback on a public measure (by its number in the published plan), for the
-- responsible sector. Shown publicly with its answer only when the resident allowed it.
create table measure_feedback (
    id uuid primary key,
    organisation_id uuid not null references organisation (id) on delete cascade,
    plan_id uuid not null,
    measure_ref text not null,
    measure_title text not null,
    sector_id uuid,
    text text check (length(text) <= 5000),
    nickname text,
    may_publish boolean not null default false,
    status text not null check (status in ('PUBLISHED', 'HELD', 'REMOVED')),
    held_reason text,
    removed_reason text check (removed_reason in ('PERSONAL_DATA', 'HARASSMENT', 'SPAM', 'OFF_TOPIC', 'OTHER')),
    removed_note text check (length(removed_note) <= 500),
    answer_fi text check (length(answer_fi) <= 5000),
    answer_sv text check (length(answer_sv) <= 5000),
    answered_by text,
    answered_at timestamp with time zone,
    moderated_by text,
    moderated_at timestamp with time zone,
    client_hash text,
    content_hash text not null,
    submitted_at timestamp with time zone not null default now(),
    version integer not null default 0,
    unique (organisation_id, plan_id, measure_ref, content_hash)
);
create index measure_feedback_list on measure_feedback (organisation_id, sector_id, submitted_at desc);
create index measure_feedback_client on measure_feedback (organisation_id, client_hash, submitted_at);
