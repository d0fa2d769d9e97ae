-- Failed sign-ins per client address (as seen through the trusted proxies), whichever usernames it tries.
create table login_client_throttle (
    client text primary key,
    failures integer not null,
    first_failure_at timestamp with time zone not null,
    locked_until timestamp with time zone
);
