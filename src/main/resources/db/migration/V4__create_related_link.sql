-- "Baca juga" links of an article, in their order; each points at the entry (often a stub) it names.
create table related_link (
    entry_id         bigint  not null references entry (id) on delete cascade,
    position         integer not null,
    title            text    not null,
    url              text,
    target_entry_id  bigint  references entry (id) on delete set null,
    primary key (entry_id, position),
    constraint related_link_position_check check (position >= 0)
);

create index related_link_target_idx on related_link (target_entry_id);
