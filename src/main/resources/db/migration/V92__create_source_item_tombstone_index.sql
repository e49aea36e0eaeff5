-- Each fetch forgets its source's old tombstones (SourceItemRepository.deleteTombstones: source_id = ?, entry_id is
-- null, tombstoned_at < ?). Without an index of its own the planner took source_item_entry_idx for "entry_id is
-- null", which also holds a dead entry for every item ever inserted (items are claimed with a null entry_id, then
-- linked): every delete walked all of them, a cost growing with the stored items (2.2 of PostgreSQL's 17.6 s in a
-- 3,000-source first cycle). Tombstones only: rows being claimed have no tombstoned_at and never enter it, and the
-- predicate holds the query's "entry_id is null", so the planner needs no other index for it.
create index source_item_tombstone_idx on source_item (source_id, tombstoned_at)
    where entry_id is null and tombstoned_at is not null;
