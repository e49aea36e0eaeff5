-- Statement triggers that join their transition table to a table that grows (entry, source, related_link,
-- entry_topic) now plan their statement at each call (execute), with the table's size and the batch's of the moment.
-- PL/pgSQL keeps a statement's first plan for the life of the connection: a pooled connection whose first ingest
-- met a small entry table kept a hash join over a sequential scan of entry for every later batch. At 2,000
-- upstream sources that was one scan of the whole entry table per fetch (13.4 of PostgreSQL's 19 s in the first
-- poll cycle); the cost grew with the archive. Planning these small statements takes well under a millisecond.

create or replace function warta_entry_topic_pages_added() returns trigger
    language plpgsql as $$
declare
    ids bigint[];
begin
    execute 'select array(select a.entry_id from added a join entry e on e.id = a.entry_id
                          where e.xmin <> pg_current_xact_id()::xid)' into ids;
    perform warta_bump_entry_versions(ids);
    return null;
end;
$$;

create or replace function warta_entry_pages_updated() returns trigger
    language plpgsql as $$
declare
    ids bigint[];
begin
    execute 'select array(
        select n.id from new_rows n join old_rows o on o.id = n.id where (n.*) is distinct from (o.*)
        union
        select r.target_entry_id from new_rows n join old_rows o on o.id = n.id
        join related_link r on r.entry_id = n.id where n.title is distinct from o.title)' into ids;
    perform warta_bump_entry_versions(ids);
    return null;
end;
$$;

create or replace function warta_topic_pages_renamed() returns trigger
    language plpgsql as $$
declare
    ids bigint[];
begin
    execute 'select array(
        select et.entry_id from new_rows n join old_rows o on o.id = n.id join entry_topic et on et.topic_id = n.id
        where n.label is distinct from o.label)' into ids;
    perform warta_bump_entry_versions(ids);
    return null;
end;
$$;

create or replace function warta_entry_topic_follow_published_at() returns trigger
    language plpgsql as $$
begin
    execute 'update entry_topic et set published_at = n.published_at
             from new_rows n join old_rows o on o.id = n.id
             where et.entry_id = n.id and n.published_at is distinct from o.published_at';
    return null;
end;
$$;

-- One batch is one source's (upstream ingest) or a few (retention, a deleted source's entries): one update by key
-- each, planned with its values, rather than a join whose plan may scan every source.
create or replace function source_entry_count_insert() returns trigger language plpgsql as $$
declare
    r record;
begin
    for r in select source_id, count(*) as n from inserted where source_id is not null group by source_id order by source_id loop
        execute 'update source set entry_count = entry_count + $1 where id = $2' using r.n, r.source_id;
    end loop;
    return null;
end $$;

create or replace function source_entry_count_delete() returns trigger language plpgsql as $$
declare
    r record;
begin
    for r in select source_id, count(*) as n from deleted where source_id is not null group by source_id order by source_id loop
        execute 'update source set entry_count = entry_count - $1 where id = $2' using r.n, r.source_id;
    end loop;
    return null;
end $$;
