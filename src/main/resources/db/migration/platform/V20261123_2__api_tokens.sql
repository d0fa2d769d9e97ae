-- Personal API tokens for automation. Only a SHA-256 hash of each token is kept: the token is 32
-- random bytes, so a fast hash suffices and lets a request find its token by an indexed lookup.
-- Like membership, the organisation is referred to by id only: the platform's tables come first.
create table api_token (
    id uuid primary key,
    user_id uuid not null references app_user (id) on delete cascade,
    organisation_id uuid not null,
    name text not null,
    token_hash text not null unique,
    created_at timestamp with time zone not null default now(),
    last_used_at timestamp with time zone,
    revoked_at timestamp with time zone
);
create index api_token_user on api_token (user_id, created_at);
create index api_token_organisation on api_token (organisation_id);
