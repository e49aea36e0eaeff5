-- Which topics an entry is published in.
create table entry_topic (
    entry_id  bigint not null references entry (id) on delete cascade,
    topic_id  bigint not null references topic (id) on delete cascade,
    primary key (entry_id, topic_id)
);

create index entry_topic_topic_idx on entry_topic (topic_id, entry_id);
