-- Fetches in flight against one host, for every Warta process on this database: a fetch holds one of the
-- host's slots 0 … warta.poll.max-per-host − 1 while it runs. A slot is free when it has no row or its lease
-- ended (a process that died leaves rows behind; they are taken over once lease_until has passed).
create table host_slot (
    host         text        not null,
    slot         integer     not null,
    owner        text        not null,
    lease_until  timestamptz not null,
    primary key (host, slot),
    constraint host_slot_slot_check check (slot >= 0)
);
