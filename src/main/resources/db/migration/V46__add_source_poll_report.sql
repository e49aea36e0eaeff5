-- What the last fetch of a source stored, and how many fetch results were recorded on it. A refresh that
-- finds another process fetching the source waits until poll_count moves, then answers with these.
alter table source
    add column last_new_entries       integer not null default 0,
    add column last_updated_entries   integer not null default 0,
    add column last_unchanged_entries integer not null default 0,
    add column last_too_old_entries   integer not null default 0,
    add column poll_count             bigint  not null default 0;
