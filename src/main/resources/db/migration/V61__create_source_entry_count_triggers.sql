-- source.entry_count follows entry.source_id. Inserts and deletes are counted once per statement (upstream
-- ingest and retention write a whole batch in one), a change of source per row: only the rare statements
-- that move an entry (a desk article taking an item over, a deleted source's entries set null) pay for it.
create function source_entry_count_insert() returns trigger language plpgsql as $$
begin
    update source s set entry_count = s.entry_count + n.added
    from (select source_id, count(*) as added from inserted where source_id is not null group by source_id) n
    where s.id = n.source_id;
    return null;
end $$;

create function source_entry_count_delete() returns trigger language plpgsql as $$
begin
    update source s set entry_count = s.entry_count - n.removed
    from (select source_id, count(*) as removed from deleted where source_id is not null group by source_id) n
    where s.id = n.source_id;
    return null;
end $$;

create function source_entry_count_move() returns trigger language plpgsql as $$
begin
    if old.source_id is not null then
        update source set entry_count = entry_count - 1 where id = old.source_id;
    end if;
    if new.source_id is not null then
        update source set entry_count = entry_count + 1 where id = new.source_id;
    end if;
    return null;
end $$;

create trigger entry_count_insert after insert on entry referencing new table as inserted
    for each statement execute function source_entry_count_insert();
create trigger entry_count_delete after delete on entry referencing old table as deleted
    for each statement execute function source_entry_count_delete();
create trigger entry_count_move after update of source_id on entry
    for each row when (old.source_id is distinct from new.source_id) execute function source_entry_count_move();
