-- The topics every entry of a source goes into.
create table source_topic (
    source_id  bigint not null references source (id) on delete cascade,
    topic_id   bigint not null references topic (id) on delete cascade,
    primary key (source_id, topic_id)
);

create index source_topic_topic_idx on source_topic (topic_id);
