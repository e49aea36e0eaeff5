-- Emptying feed_version (a reset, a restore) restarts versions at 1: every process must then drop its
-- rendered feeds and read the versions again, or an old version number could match new content.
create function warta_notify_feed_version_reset() returns trigger
    language plpgsql as $$
begin
    perform pg_notify('warta_feed_version', '*reset');
    return null;
end;
$$;

create trigger feed_version_reset_notify
    after truncate on feed_version
    for each statement execute function warta_notify_feed_version_reset();
