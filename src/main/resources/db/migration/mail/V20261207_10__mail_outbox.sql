-- Outgoing e-mail (platform.mail). A message is written to the outbox in the same transaction as the
-- change that causes it, already rendered in the recipient's language; a scheduler on any node
-- claims due rows with FOR UPDATE SKIP LOCKED and sends them, so no two nodes send the same row.
create table mail_outbox (
    id uuid primary key,
    organisation_id uuid not null,
    kind text not null check (kind in ('DIGEST', 'OWNER_ASSIGNED', 'ANSWER_REQUESTED', 'MONTHLY_SUMMARY')),
    recipient_id uuid not null,
    recipient_address text not null,
    language text not null check (language in ('fi', 'sv', 'en')),
    sender_address text,
    sender_name text,
    subject text not null,
    text_body text not null,
    html_body text not null,
    unsubscribe_url text not null,
    status text not null default 'QUEUED' check (status in ('QUEUED', 'SENT', 'FAILED')),
    attempts integer not null default 0,
    next_attempt_at timestamp with time zone not null default now(),
    last_error text,
    created_at timestamp with time zone not null default now(),
    sent_at timestamp with time zone
);
create index mail_outbox_due on mail_outbox (next_attempt_at) where status = 'QUEUED';
create index mail_outbox_organisation on mail_outbox (organisation_id, created_at desc);

-- An organisation's mail settings: its sender and which kinds of message it sends at all.
create table mail_setting (
    organisation_id uuid primary key,
    sender_address text,
    sender_name text,
    disabled_kinds text[] not null default '{}',
    version integer not null default 0
);

-- The people an organisation names for the monthly summary to management.
create table mail_management_recipient (
    organisation_id uuid not null,
    user_id uuid not null references app_user (id) on delete cascade,
    primary key (organisation_id, user_id)
);

-- A person's own choices: the language of their mail and the kinds they do not want, per organisation.
create table mail_recipient (
    user_id uuid primary key references app_user (id) on delete cascade,
    language text not null default 'fi' check (language in ('fi', 'sv', 'en'))
);
create table mail_opt_out (
    organisation_id uuid not null,
    user_id uuid not null references app_user (id) on delete cascade,
    kind text not null,
    created_at timestamp with time zone not null default now(),
    primary key (organisation_id, user_id, kind)
);

-- A periodic mailing (the week's digest, the month's summary) is built once per organisation and
-- period: the node whose insert succeeds builds it, in the same transaction as its messages.
create table mail_run (
    organisation_id uuid not null,
    kind text not null,
    period text not null,
    created_at timestamp with time zone not null default now(),
    primary key (organisation_id, kind, period)
);

-- The key that signs unsubscribe links, made once here so that every node shares it.
create table mail_signing_key (
    id integer primary key check (id = 1),
    secret text not null
);
insert into mail_signing_key (id, secret) values (1, gen_random_uuid()::text || gen_random_uuid()::text);
