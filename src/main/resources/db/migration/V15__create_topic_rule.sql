-- Rules that sort entries into a topic: a word, a phrase or a regular expression, matched case- and
-- accent-insensitively on title, summary and upstream categories.
create table topic_rule (
    topic_id  bigint  not null references topic (id) on delete cascade,
    position  integer not null,
    type      text    not null,
    pattern   text    not null,
    primary key (topic_id, position),
    constraint topic_rule_type_check check (type in ('word', 'phrase', 'regex')),
    constraint topic_rule_pattern_not_blank check (btrim(pattern) <> ''),
    constraint topic_rule_position_check check (position >= 0)
);
