-- Editors signed in on /admin. The cookie carries a random session id; this table keeps only its SHA-256,
-- so a copy of the database signs nobody in. Each session has its own CSRF token (synchronizer token).
create table admin_session (
    id_hash       text        primary key,
    csrf_token    text        not null,
    created_at    timestamptz not null default now(),
    last_seen_at  timestamptz not null default now(),
    expires_at    timestamptz not null,
    -- a message shown once on the next page (after a redirect): "Diterbitkan: ..."
    flash         text
);

create index admin_session_expires_idx on admin_session (expires_at);
