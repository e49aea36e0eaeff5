-- Failed sign-ins (a wrong admin token on /admin/login or as a bearer token on /api/**), one row each, so that
-- every Warta process on the database counts the same tries. client is the address the try came from (an IPv6
-- client by its /64). Rows older than warta.admin.sign-in.window are deleted as new failures arrive.
create table sign_in_failure (
    id         bigint      generated always as identity primary key,
    client     text        not null,
    failed_at  timestamptz not null default now()
);

create index sign_in_failure_client_idx on sign_in_failure (client, failed_at);
create index sign_in_failure_failed_at_idx on sign_in_failure (failed_at);
