-- source.full_text_fetched / full_text_failures follow the states of the source's full_text_page rows. Rows
-- start pending (counted by neither), so ingest's inserts pay nothing; a worker's result moves one count.
create function full_text_count_change() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') and old.state <> 'pending' then
        update source set full_text_fetched = full_text_fetched - (old.state = 'fetched')::int,
                          full_text_failures = full_text_failures - (old.state = 'failed')::int
        where id = old.source_id;
    end if;
    if tg_op in ('UPDATE', 'INSERT') and new.state <> 'pending' then
        update source set full_text_fetched = full_text_fetched + (new.state = 'fetched')::int,
                          full_text_failures = full_text_failures + (new.state = 'failed')::int
        where id = new.source_id;
    end if;
    return null;
end $$;

create trigger full_text_count_insert after insert on full_text_page
    for each row when (new.state <> 'pending') execute function full_text_count_change();
create trigger full_text_count_update after update of state on full_text_page
    for each row when (old.state is distinct from new.state) execute function full_text_count_change();
create trigger full_text_count_delete after delete on full_text_page
    for each row when (old.state <> 'pending') execute function full_text_count_change();
