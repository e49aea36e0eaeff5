-- What moves an entry page's version (entry_version, V56). Triggers rather than the write path, so that every writer
-- moves it: ingest's stages, deletions, topic edits, a source's deletion, and statements run by hand.

-- One statement per batch, rows taken in id order so that concurrent writers queue instead of deadlocking.
create function warta_bump_entry_versions(ids bigint[]) returns void
    language plpgsql as $$
begin
    if coalesce(cardinality(ids), 0) = 0 then
        return;
    end if;
    insert into entry_version (entry_id, version, changed_at)
    select id, 1, now() from (select distinct unnest(ids) as id) x where id is not null order by id
    on conflict (entry_id) do update set version = entry_version.version + 1, changed_at = excluded.changed_at;
end;
$$;

-- A changed entry's page, and the pages of the entries its lines name when its title moved ("Disebut dalam" lists it).
create function warta_entry_pages_updated() returns trigger
    language plpgsql as $$
begin
    perform warta_bump_entry_versions(array(
        select n.id from new_rows n join old_rows o on o.id = n.id where (n.*) is distinct from (o.*)
        union
        select r.target_entry_id from new_rows n join old_rows o on o.id = n.id
        join related_link r on r.entry_id = n.id where n.title is distinct from o.title));
    return null;
end;
$$;

create trigger entry_pages_updated
    after update on entry
    referencing old table as old_rows new table as new_rows
    for each statement execute function warta_entry_pages_updated();

-- A deleted entry's page goes. (Its lines go by cascade and the lines naming it lose their target: the related_link
-- triggers below move the pages that showed either.)
create function warta_entry_pages_deleted() returns trigger
    language plpgsql as $$
begin
    perform warta_bump_entry_versions(array(select id from removed));
    return null;
end;
$$;

create trigger entry_pages_deleted
    after delete on entry
    referencing old table as removed
    for each statement execute function warta_entry_pages_deleted();

-- A line shows on the page of the article it belongs to, and names its article on the page of the entry it targets.
create function warta_related_link_pages_added() returns trigger
    language plpgsql as $$
begin
    perform warta_bump_entry_versions(array(select entry_id from added union select target_entry_id from added));
    return null;
end;
$$;

create function warta_related_link_pages_changed() returns trigger
    language plpgsql as $$
begin
    perform warta_bump_entry_versions(array(
        select entry_id from new_rows union select target_entry_id from new_rows union select target_entry_id from old_rows));
    return null;
end;
$$;

create function warta_related_link_pages_removed() returns trigger
    language plpgsql as $$
begin
    perform warta_bump_entry_versions(array(select entry_id from removed union select target_entry_id from removed));
    return null;
end;
$$;

create trigger related_link_pages_added
    after insert on related_link
    referencing new table as added
    for each statement execute function warta_related_link_pages_added();

create trigger related_link_pages_changed
    after update on related_link
    referencing old table as old_rows new table as new_rows
    for each statement execute function warta_related_link_pages_changed();

create trigger related_link_pages_removed
    after delete on related_link
    referencing old table as removed
    for each statement execute function warta_related_link_pages_removed();

-- An entry page lists the entry's topics. A topic given to an entry this transaction inserted or updated moves
-- nothing more: a new entry had no page yet, an updated one moved already. (xmin is the transaction that wrote the
-- row's current version; Warta's writers use no savepoints, so it is the top-level transaction id.)
create function warta_entry_topic_pages_added() returns trigger
    language plpgsql as $$
begin
    perform warta_bump_entry_versions(array(
        select a.entry_id from added a join entry e on e.id = a.entry_id where e.xmin <> pg_current_xact_id()::xid));
    return null;
end;
$$;

create function warta_entry_topic_pages_removed() returns trigger
    language plpgsql as $$
begin
    perform warta_bump_entry_versions(array(select entry_id from removed));
    return null;
end;
$$;

create trigger entry_topic_pages_added
    after insert on entry_topic
    referencing new table as added
    for each statement execute function warta_entry_topic_pages_added();

create trigger entry_topic_pages_removed
    after delete on entry_topic
    referencing old table as removed
    for each statement execute function warta_entry_topic_pages_removed();

-- A renamed topic's label shows on the page of every entry it holds.
create function warta_topic_pages_renamed() returns trigger
    language plpgsql as $$
begin
    perform warta_bump_entry_versions(array(
        select et.entry_id from new_rows n join old_rows o on o.id = n.id join entry_topic et on et.topic_id = n.id
        where n.label is distinct from o.label));
    return null;
end;
$$;

create trigger topic_pages_renamed
    after update on topic
    referencing old table as old_rows new table as new_rows
    for each statement execute function warta_topic_pages_renamed();
