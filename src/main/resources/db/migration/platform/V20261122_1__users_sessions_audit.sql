-- People who sign in, their roles per organisation, sign-in throttling, sessions and the audit log.
create table app_user (
    id uuid primary key,
    username text not null,
    display_name text not null,
    email text,
    password_hash text not null,
    operator boolean not null default false,
    must_change_password boolean not null default false,
    active boolean not null default true,
    created_at timestamp with time zone not null default now(),
    version integer not null default 0
);
create unique index app_user_username on app_user (lower(username));

create table membership (
    user_id uuid not null references app_user (id) on delete cascade,
    organisation_id uuid not null,
    role text not null check (role in ('ADMIN', 'COORDINATOR', 'EDITOR', 'VIEWER')),
    created_at timestamp with time zone not null default now(),
    primary key (user_id, organisation_id)
);
create index membership_organisation on membership (organisation_id);

create table login_throttle (
    username text primary key,
    failures integer not null,
    first_failure_at timestamp with time zone not null,
    locked_until timestamp with time zone
);

create table audit_event (
    id bigserial primary key,
    organisation_id uuid,
    occurred_at timestamp with time zone not null default now(),
    actor_id uuid,
    actor_name text not null,
    entity_type text not null,
    entity_id text not null,
    action text not null check (action in ('CREATE', 'UPDATE', 'DELETE')),
    before_state jsonb,
    after_state jsonb
);
create index audit_event_organisation on audit_event (organisation_id, occurred_at desc);
create index audit_event_entity on audit_event (entity_type, entity_id, occurred_at desc);

create table spring_session (
    primary_id char(36) not null primary key,
    session_id char(36) not null,
    creation_time bigint not null,
    last_access_time bigint not null,
    max_inactive_interval int not null,
    expiry_time bigint not null,
    principal_name varchar(100)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36) not null references spring_session (primary_id) on delete cascade,
    attribute_name varchar(200) not null,
    attribute_bytes bytea not null,
    primary key (session_primary_id, attribute_name)
);
