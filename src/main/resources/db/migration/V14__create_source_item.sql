-- Every upstream item a source has carried, by the SHA-256 of its upstream id (or link, or title+date+content).
-- entry_id null = a tombstone: the entry was removed (retention) and a later fetch must not bring it back.
-- Several sources' items may point at one entry (the same article link in two feeds).
create table source_item (
    source_id      bigint      not null references source (id) on delete cascade,
    guid_hash      text        not null,
    entry_id       bigint      references entry (id) on delete set null,
    content_hash   text        not null,
    created_at     timestamptz not null,
    tombstoned_at  timestamptz,
    primary key (source_id, guid_hash)
);

create index source_item_entry_idx on source_item (entry_id);
