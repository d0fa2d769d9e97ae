-- Single sign-on with organisations' OpenID Connect providers (issue 15). The client secret is kept
-- sealed with AES-GCM under a key from the environment (HYTE_SECRET_KEY): 12 bytes of nonce, then the
-- ciphertext with its tag. Group → role lines are "group=ROLE", one a line.
create table sign_in_provider (
    id uuid primary key,
    organisation_id uuid not null,
    name text not null,
    issuer text not null,
    client_id text not null,
    client_secret bytea not null,
    username_claim text not null default 'email',
    group_claim text not null default 'groups',
    group_roles text not null default '',
    new_user_role text check (new_user_role in ('ADMIN', 'COORDINATOR', 'EDITOR', 'VIEWER')),
    enabled boolean not null default true,
    created_at timestamp with time zone not null default now(),
    version integer not null default 0
);
create index sign_in_provider_organisation on sign_in_provider (organisation_id);

-- Which provider's subject is which Hyte account, made at the first sign-in. The provider is its
-- registration id: "p-" and a sign_in_provider id, or an id configured in spring.security.oauth2.client.
create table sign_in_link (
    provider text not null,
    subject text not null,
    user_id uuid not null references app_user (id) on delete cascade,
    created_at timestamp with time zone not null default now(),
    last_sign_in_at timestamp with time zone,
    primary key (provider, subject)
);
create index sign_in_link_user on sign_in_link (user_id);

-- Whether an organisation's people may also sign in with a password (on unless turned off).
create table sign_in_policy (
    organisation_id uuid primary key,
    form_login boolean not null default true,
    version integer not null default 0
);
