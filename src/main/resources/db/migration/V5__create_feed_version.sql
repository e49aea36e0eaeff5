-- A counter per published feed ('all', 'topic:<id>') that ingest bumps in the transaction that changes
-- the feed's entries. Caches and validators are keyed by it, so every Warta process sees the same version.
create table feed_version (
    feed_key    text        primary key,
    version     bigint      not null default 1,
    changed_at  timestamptz not null default now()
);

insert into feed_version (feed_key) values ('all');
