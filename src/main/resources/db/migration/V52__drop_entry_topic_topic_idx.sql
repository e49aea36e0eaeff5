-- entry_topic_feed_order_idx (V51) leads with topic_id too: every look-up by topic uses it now.
drop index entry_topic_topic_idx;
