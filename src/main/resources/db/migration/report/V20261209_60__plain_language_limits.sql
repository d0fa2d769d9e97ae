-- The plain-language checks' limits an organisation chose (15 words a sentence and 20 letters a word unless it chose others).
create table report_plain_language (
    organisation_id uuid primary key references organisation (id) on delete cascade,
    max_words integer not null check (max_words between 5 and 60),
    max_letters integer not null check (max_letters between 8 and 60),
    updated_at timestamp with time zone not null default now()
);
