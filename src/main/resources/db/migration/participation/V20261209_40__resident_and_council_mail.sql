-- Issue 14 §2 and §4: the outbox (platform.mail) also carries one message to an address a resident
-- left when answering (no account: recipient_id is null, and the address is blanked once the message
-- is sent or given up), and notices and reminders to councils' secretaries.
alter table mail_outbox alter column recipient_id drop not null;
alter table mail_outbox drop constraint mail_outbox_kind_check;
alter table mail_outbox add constraint mail_outbox_kind_check check (kind in ('DIGEST', 'OWNER_ASSIGNED',
    'ANSWER_REQUESTED', 'MONTHLY_SUMMARY', 'RESULTS_PUBLISHED', 'STATEMENT_REQUESTED', 'STATEMENT_REMINDER'));

-- The language a resident answered in, so the results message is written in it.
alter table consultation_email add column language text not null default 'fi' check (language in ('fi', 'sv', 'en'));

-- Council notices sent: one row per statement, secretary and step (INVITED, DAYS_BEFORE, DAY_OF). The
-- node whose insert succeeds queues the message in the same transaction, so several nodes or a
-- restart never send one twice.
create table council_notice (
    organisation_id uuid not null,
    statement_id uuid not null references council_statement (id) on delete cascade,
    user_id uuid not null,
    step text not null check (step in ('INVITED', 'DAYS_BEFORE', 'DAY_OF')),
    sent_at timestamp with time zone not null default now(),
    primary key (statement_id, user_id, step)
);
