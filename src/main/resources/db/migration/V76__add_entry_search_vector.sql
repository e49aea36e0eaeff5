-- The words of an entry, weighted title (A) > summary (B) > content (C), kept by a trigger so every writer
-- (set-based upstream ingest, desk ingest, stub fill, edits) keeps it right without knowing it exists.
-- Content is HTML: tags become spaces so that "<p>a</p><p>b</p>" reads as two words.
create function entry_search_vector(title text, summary text, content_html text) returns tsvector
    language sql immutable parallel safe as $$
    select setweight(to_tsvector('warta_indonesian', coalesce(title, '')), 'A')
        || setweight(to_tsvector('warta_indonesian', coalesce(summary, '')), 'B')
        || setweight(to_tsvector('warta_indonesian',
                     regexp_replace(coalesce(content_html, ''), '<[^>]*>', ' ', 'g')), 'C')
$$;

alter table entry add column search_vector tsvector;

create function entry_search_vector_keep() returns trigger language plpgsql as $$
begin
    -- An update that leaves the three texts alone (most re-polls) does not recompute the vector.
    if tg_op = 'INSERT' or new.title is distinct from old.title or new.summary is distinct from old.summary
            or new.content_html is distinct from old.content_html or new.search_vector is null then
        new.search_vector := entry_search_vector(new.title, new.summary, new.content_html);
    end if;
    return new;
end
$$;

create trigger entry_search_vector_keep before insert or update on entry
    for each row execute function entry_search_vector_keep();

update entry set search_vector = entry_search_vector(title, summary, content_html);
