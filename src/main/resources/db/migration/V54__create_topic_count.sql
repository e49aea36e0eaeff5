-- How many entries each topic holds (home page, /api/topics), kept by the triggers of V55 instead of counted per
-- request: counting a topic of a million entries reads a million index entries.
create table topic_count (
    topic_id  bigint primary key references topic (id) on delete cascade,
    entries   bigint not null default 0,
    constraint topic_count_entries_check check (entries >= 0)
);

insert into topic_count (topic_id, entries)
select t.id, count(et.entry_id) from topic t left join entry_topic et on et.topic_id = t.id group by t.id;
