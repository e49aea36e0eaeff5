-- sitemap.xml counts the articles, finds where each of its pages starts and reads a page of (id, updated_at) in id
-- order: with updated_at in the index all three are index-only scans of the articles, however many items there are.
create index entry_article_id_idx on entry (id) include (updated_at) where kind = 'article';
