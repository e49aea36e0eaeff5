-- Writes :n archive entries with SQL, older than everything stored (so the newest pages show the same entries at
-- any archive size), :dense_pct percent of them in topic :dense and 1 percent in topic :sparse, in one transaction
-- (the triggers then treat them as new entries: no page versions, counts kept). Used by archive-bench.sh:
--   psql -v n=999000 -v dense=1 -v sparse=2 -v dense_pct=90 -f src/bench/archive-seed.sql
-- Ids come from past the allocator's reach (see dev.warta.ingest.EntryIds: a sequence value v stands for v..v+49),
-- and the sequence is moved beyond them.
\set ON_ERROR_STOP on
begin;
select nextval('entry_id_seq') + 50 as first_id,
       coalesce((select min(published_at) from entry), now()) - interval '1 minute' as newest \gset
insert into entry (id, uid, kind, title, title_key, summary, content_html, author, editor, url, published_at,
                   updated_at, created_at, content_hash)
select :first_id + g, gen_random_uuid(), 'article', 'Berita arsip nomor ' || g, 'berita arsip nomor ' || g,
       'Ringkasan berita arsip nomor ' || g || ' dari meja redaksi.',
       '<p>Isi berita arsip nomor ' || g || '. ' || repeat('Kalimat isi berita yang cukup panjang. ', 12) || '</p>',
       'Tim Arsip', 'Redaksi', 'https://arsip.example.id/berita/' || (:first_id + g),
       timestamptz :'newest' - g * interval '97 seconds', timestamptz :'newest' - g * interval '97 seconds', now(),
       md5(g::text)
from generate_series(0, :n - 1) as g;
insert into entry_topic (entry_id, topic_id, published_at)
select :first_id + g, case when g % 100 < :dense_pct then :dense else :sparse end,
       timestamptz :'newest' - g * interval '97 seconds'
from generate_series(0, :n - 1) as g
where g % 100 < :dense_pct or g % 100 = :dense_pct;
select setval('entry_id_seq', :first_id + :n + 50);
-- What Warta's change recorder does after a write: every process learns the feeds moved.
update feed_version set version = version + 1, changed_at = now()
where feed_key in ('all', 'topic:' || :dense, 'topic:' || :sparse);
commit;
-- Statistics for the planner, and the visibility map that lets entry_topic's index answer without the table.
vacuum analyze entry;
vacuum analyze entry_topic;
