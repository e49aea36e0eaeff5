-- How many entries came from each source, kept by the triggers of V61 so that listing 10,000 sources does not
-- count entry rows per request. Filled once here from what is stored.
alter table source add column entry_count bigint not null default 0;

update source s set entry_count = c.n
from (select source_id, count(*) as n from entry where source_id is not null group by source_id) c
where c.source_id = s.id;
