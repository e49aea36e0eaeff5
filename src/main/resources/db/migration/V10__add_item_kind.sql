-- 'item' = an entry aggregated from an upstream feed. Items are not desk articles: the (title, day)
-- identity of articles does not apply to them; they are identified per source by their upstream id.
alter table entry drop constraint entry_kind_check;
alter table entry add constraint entry_kind_check check (kind in ('article', 'stub', 'item'));
