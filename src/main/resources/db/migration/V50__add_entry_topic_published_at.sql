-- A topic's entries are listed newest first (feeds, topic pages, the home page, /api/entries?topic=): carrying the
-- entry's publication time on its topic rows lets one index (V51) give them in that order, however many entries the
-- database holds. It always equals entry.published_at (triggers of V53).
alter table entry_topic add column published_at timestamptz;

update entry_topic et set published_at = e.published_at from entry e where e.id = et.entry_id;

alter table entry_topic alter column published_at set not null;
