-- Tell every Warta process (LISTEN warta_feed_version) that a feed changed, at commit, so each one's
-- rendered-feed cache follows the version without reading entries. Payload: "<feed_key> <version> <changed_at epoch s>".
create function warta_notify_feed_version() returns trigger
    language plpgsql as $$
begin
    perform pg_notify('warta_feed_version',
                      new.feed_key || ' ' || new.version || ' ' || extract(epoch from new.changed_at));
    return null;
end;
$$;

create trigger feed_version_notify
    after insert or update on feed_version
    for each row execute function warta_notify_feed_version();
