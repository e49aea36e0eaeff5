-- The feeds' ?stubs=false variant walks every entry but the stubs in feed order: a partial index of that order, so a
-- page of it is a range read however many stubs sit between its entries.
create index entry_published_not_stub_idx on entry (published_at desc, id desc) where kind <> 'stub';
