-- A counter per entry page that moves whenever what the page shows moves: the entry, its topics and their labels,
-- its "Baca juga" lines, the articles that name it (V57 moves it from triggers, whichever writer). The rendered-page
-- cache of every Warta process is keyed by it, as feeds are by feed_version. An entry without a row has not changed
-- since it was created (version 0); rows outlive their entries, so that a deleted entry's page is seen to go.
create table entry_version (
    entry_id    bigint      primary key,
    version     bigint      not null default 1,
    changed_at  timestamptz not null default now()
);

-- Tell every Warta process (LISTEN warta_entry_version) at commit, once per statement: "<entry id>:<version> ..."
-- for up to 200 rows (well within NOTIFY's 8000 bytes), "*" for more (then every process forgets them all and reads
-- a version again when a page is asked for).
create function warta_notify_entry_version() returns trigger
    language plpgsql as $$
declare
    payload text;
begin
    select case when count(*) > 200 then '*' else string_agg(entry_id || ':' || version, ' ') end into payload
    from changed;
    if payload is not null then
        perform pg_notify('warta_entry_version', payload);
    end if;
    return null;
end;
$$;

create trigger entry_version_notify_insert
    after insert on entry_version
    referencing new table as changed
    for each statement execute function warta_notify_entry_version();

create trigger entry_version_notify_update
    after update on entry_version
    referencing new table as changed
    for each statement execute function warta_notify_entry_version();

-- Emptied, versions restart: no process may trust what it knows.
create function warta_notify_entry_version_reset() returns trigger
    language plpgsql as $$
begin
    perform pg_notify('warta_entry_version', '*');
    return null;
end;
$$;

create trigger entry_version_reset_notify
    after truncate on entry_version
    for each statement execute function warta_notify_entry_version_reset();
