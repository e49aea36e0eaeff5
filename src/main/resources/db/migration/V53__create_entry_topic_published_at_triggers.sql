-- entry_topic.published_at is the entry's, whichever writer adds a topic or moves a publication time (a stub filled,
-- a takeover by the desk, a date given its time of day, an edit).

-- A new topic row takes the entry's time. FOR SHARE waits for a writer that is changing that time right now, so the
-- row is written with the time that writer commits (its own trigger below cannot see this uncommitted row).
create function warta_entry_topic_fill_published_at() returns trigger
    language plpgsql as $$
begin
    if new.published_at is null then
        select e.published_at into new.published_at from entry e where e.id = new.entry_id for share;
    end if;
    return new;
end;
$$;

create trigger entry_topic_fill_published_at
    before insert on entry_topic
    for each row execute function warta_entry_topic_fill_published_at();

-- An entry whose publication time moved moves on its topic rows too (one statement for a whole batch of updates).
create function warta_entry_topic_follow_published_at() returns trigger
    language plpgsql as $$
begin
    update entry_topic et set published_at = n.published_at
    from new_rows n join old_rows o on o.id = n.id
    where et.entry_id = n.id and n.published_at is distinct from o.published_at;
    return null;
end;
$$;

create trigger entry_topic_follow_published_at
    after update on entry
    referencing old table as old_rows new table as new_rows
    for each statement execute function warta_entry_topic_follow_published_at();
