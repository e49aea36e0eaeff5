-- The page an upstream item of a full-text source wants read, one row per item (source_item's key): written by
-- ingest in the batch's transaction, claimed by the full-text worker (for update skip locked, with a lease),
-- finished as fetched or failed. attempts counts requests of page_url for the item: a page is requested at most
-- once per item and address; only a new address (the item's link changed upstream) makes the row pending again.
create table full_text_page (
    source_id     bigint      not null,
    guid_hash     text        not null,
    entry_id      bigint      references entry (id) on delete set null,
    page_url      text        not null,
    host          text        not null,
    state         text        not null default 'pending' check (state in ('pending', 'fetched', 'failed')),
    attempts      integer     not null default 0,
    lease_owner   text,
    lease_until   timestamptz,
    last_error    text,
    created_at    timestamptz not null,
    finished_at   timestamptz,
    primary key (source_id, guid_hash),
    foreign key (source_id, guid_hash) references source_item (source_id, guid_hash) on delete cascade
);

create index full_text_page_pending_idx on full_text_page (created_at) where state = 'pending';
