-- topic_count follows entry_topic: one statement per written batch, its rows taken in topic order so that concurrent
-- writers queue instead of deadlocking (the lock lasts until the writer commits, as its feed_version bump does).
create function warta_topic_count_add(deltas bigint[], topics bigint[]) returns void
    language sql as $$
    insert into topic_count (topic_id, entries)
    select t, d from unnest(topics, deltas) as x(t, d) order by t
    on conflict (topic_id) do update set entries = topic_count.entries + excluded.entries
$$;

create function warta_topic_count_added() returns trigger
    language plpgsql as $$
begin
    perform warta_topic_count_add(array_agg(n), array_agg(topic_id))
    from (select topic_id, count(*) as n from added group by topic_id) x having count(*) > 0;
    return null;
end;
$$;

-- Rows a topic loses were counted when they came, so its count row is there: locked in topic order, then lowered.
create function warta_topic_count_removed() returns trigger
    language plpgsql as $$
begin
    perform 1 from topic_count where topic_id in (select topic_id from removed) order by topic_id for update;
    update topic_count c set entries = c.entries - x.n
    from (select topic_id, count(*) as n from removed group by topic_id) x where c.topic_id = x.topic_id;
    return null;
end;
$$;

create function warta_topic_count_emptied() returns trigger
    language plpgsql as $$
begin
    update topic_count set entries = 0;
    return null;
end;
$$;

create trigger entry_topic_count_added
    after insert on entry_topic
    referencing new table as added
    for each statement execute function warta_topic_count_added();

create trigger entry_topic_count_removed
    after delete on entry_topic
    referencing old table as removed
    for each statement execute function warta_topic_count_removed();

create trigger entry_topic_count_emptied
    after truncate on entry_topic
    for each statement execute function warta_topic_count_emptied();
