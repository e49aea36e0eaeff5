-- A topic's entries in feed order (publication time, then id, newest first): keyset pages read only the rows they show.
create index entry_topic_feed_order_idx on entry_topic (topic_id, published_at desc, entry_id desc);
