-- V55 kept topic_count by locking a topic's counter row from a writer's entry_topic insert until its commit. A writer
-- holding that row while it waited for another's uncommitted entry (a unique key) deadlocked with it, and concurrent
-- desk posts and upstream batches into one topic ran out of retries (InterleavedIngestTest). Writers now append their
-- deltas, which locks no row; topic_entry_count adds them to the folded count, and warta_topic_count_fold (run by
-- topic.TopicCountFolder) moves committed deltas into topic_count, so the deltas stay few.
-- A fold proposes a topic's summed delta as a new row before the conflict makes it an update, and PostgreSQL checks
-- the proposed row: a negative delta (entries removed) would fail the check although the count stays >= 0.
alter table topic_count drop constraint topic_count_entries_check;

create table topic_count_delta (
    topic_id bigint not null references topic (id) on delete cascade,
    entries  bigint not null
);

create index topic_count_delta_topic_idx on topic_count_delta (topic_id) include (entries);

create view topic_entry_count as
select topic_id, sum(entries)::bigint as entries
from (select topic_id, entries from topic_count union all select topic_id, entries from topic_count_delta) x
group by topic_id;

create or replace function warta_topic_count_added() returns trigger
    language plpgsql as $$
begin
    insert into topic_count_delta (topic_id, entries) select topic_id, count(*) from added group by topic_id;
    return null;
end;
$$;

create or replace function warta_topic_count_removed() returns trigger
    language plpgsql as $$
begin
    insert into topic_count_delta (topic_id, entries) select topic_id, -count(*) from removed group by topic_id;
    return null;
end;
$$;

create or replace function warta_topic_count_emptied() returns trigger
    language plpgsql as $$
begin
    update topic_count set entries = 0;
    delete from topic_count_delta;
    return null;
end;
$$;

-- Only the folder writes topic_count now. Deltas of writers that have not committed are invisible, so they stay; two
-- folders at once cannot count a delta twice (the second one's delete finds the first one's rows gone).
create function warta_topic_count_fold() returns bigint
    language sql as $$
    with moved as (delete from topic_count_delta returning topic_id, entries),
         summed as (select topic_id, sum(entries) as n from moved group by topic_id),
         folded as (insert into topic_count (topic_id, entries) select topic_id, n from summed order by topic_id
                    on conflict (topic_id) do update set entries = topic_count.entries + excluded.entries
                    returning topic_id)
    select (select count(*) from moved) + 0 * (select count(*) from folded)
$$;

drop function warta_topic_count_add(bigint[], bigint[]);
