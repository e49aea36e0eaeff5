-- Provenance of an aggregated entry. The source may be deleted (its entries stay): the text columns keep
-- what the Atom <source> element needs.
alter table entry
    add column source_id       bigint references source (id) on delete set null,
    add column source_title    text,
    add column source_feed_url text,
    add column source_site_url text;

create index entry_source_idx on entry (source_id, published_at desc) where source_id is not null;
