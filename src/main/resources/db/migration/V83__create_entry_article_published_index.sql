-- The news sitemap lists the desk's articles of the last two days, newest first. entry_published_idx would walk every
-- upstream item and stub of those days to find them; this one holds the articles alone.
create index entry_article_published_idx on entry (published_at desc, id desc) where kind = 'article';
